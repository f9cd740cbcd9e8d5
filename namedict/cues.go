package namedict

import (
	"slices"

	"github.com/sagasu-search/sagasu/text"
)

// cuesAfter are the titles, honorifics and roles written right after a
// person's name: text.JapaneseNameSuffixes and more, longest first.
var cuesAfter = func() []string {
	cues := append(text.JapaneseNameSuffixes(),
		"君", "ちゃん", "先生", "被告人", "弁護士", "投手", "捕手", "内野手", "外野手", "騎手", "棋士",
		"九段", "八段", "七段", "名人", "名誉教授", "理事長", "頭取", "会頭", "市議", "県議", "都議", "町長",
		"村長", "副大臣", "政務官", "衆院議員", "参院議員", "農相", "農水相", "法相", "文科相", "厚労相",
		"国交相", "環境相", "総務相", "復興相", "経財相", "少子化相", "五輪相", "万博相", "元首相", "元社長",
		"元会長", "元監督", "元選手", "元議員", "前知事", "元知事", "前市長", "元市長", "容疑者ら", "両氏")
	slices.SortStableFunc(cues, func(a, b string) int { return len(b) - len(a) })
	return slices.Compact(cues)
}()

// rolesBefore are roles written before a person's name, with or without
// の (俳優の山田太郎さん, 無職山田太郎容疑者).
var rolesBefore = []string{
	"俳優", "女優", "歌手", "作家", "小説家", "漫画家", "画家", "詩人", "評論家", "弁護士", "教授",
	"准教授", "議員", "社長", "会長", "監督", "選手", "首相", "元首相", "大臣", "委員長", "代表",
	"党首", "無職", "会社員", "自営業", "アルバイト", "タレント", "棋士", "力士", "記者", "医師",
}
