package queryplan

import (
	"fmt"
	"strings"
	"testing"
)

func TestPhraseLayoutGroups(t *testing.T) {
	tests := []struct {
		name    string
		layouts [][][]string
		want    string
	}{
		{"a name in both orders, its Japanese script and joined",
			[][][]string{{{"kishida"}, {"fumio"}}, {{"fumio"}, {"kishida"}}, {{"岸田", "kishida"}, {"文雄", "fumio"}}, {{"kishidafumio"}}},
			"[[[kishida] [fumio]] [[fumio] [kishida]]] [[[岸田] [文雄]]] [[[kishidafumio]]]"},
		{"Japanese script typed, readings added",
			[][][]string{{{"岸田", "kishida"}, {"文雄", "fumio"}}, {{"kishida"}, {"fumio"}}, {{"fumio"}, {"kishida"}}},
			"[[[岸田] [文雄]]] [[[kishida] [fumio]] [[fumio] [kishida]]]"},
		{"readings no other variant spells out stay",
			[][][]string{{{"岸田", "kishida"}, {"文雄", "fumio"}}},
			"[[[岸田 kishida] [文雄 fumio]]]"},
		{"the same order twice is one layout",
			[][][]string{{{"prime"}, {"minister"}}, {{"prime"}, {"minister"}}},
			"[[[prime] [minister]]]"},
		{"other words stay apart",
			[][][]string{{{"prime"}, {"minister"}}, {{"prime"}, {"ministers"}}},
			"[[[prime] [minister]]] [[[prime] [ministers]]]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			writtenOnlyWhereRead(tt.layouts)
			var got []string
			for _, g := range groupByWords(tt.layouts) {
				got = append(got, fmt.Sprint(g))
			}
			if s := strings.Join(got, " "); s != tt.want {
				t.Errorf("got  %s\nwant %s", s, tt.want)
			}
		})
	}
}
