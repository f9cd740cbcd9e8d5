package synth

//go:generate go run ./gen/words -dict /usr/share/dict/american-english -out words.txt.gz

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"io"
	"strings"
	"sync"
)

// wordsGz is the English vocabulary, one lower-case word a line in rank
// order, written by gen/words from Debian's wamerican (SCOWL; see NOTICE).
// To regenerate it: apt-get install wamerican && go generate ./synth
//
//go:embed words.txt.gz
var wordsGz []byte

// vocabulary holds the English words by rank and the Zipf distribution
// over them.
type vocabulary struct {
	words []string
	zipf  *zipf
}

// vocab returns the English vocabulary, read on first use (a few ms).
var vocab = sync.OnceValue(func() *vocabulary {
	zr, err := gzip.NewReader(bytes.NewReader(wordsGz))
	if err != nil {
		panic("synth: embedded word list: " + err.Error()) // generated and tested
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		panic("synth: embedded word list: " + err.Error())
	}
	words := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	return &vocabulary{words: words, zipf: newZipf(len(words))}
})

// VocabularySize reports how many English words the generator draws from.
func VocabularySize() int { return len(vocab().words) }

// Word returns the English word of the given rank, from 0 (the most
// frequent, "the") to VocabularySize()-1, or "" out of range. Word rank r
// makes up about 1/((r+1)·H) of an English body's vocabulary draws, H being
// the harmonic number of VocabularySize (about 11.6): the ranks follow
// Zipf's law with exponent 1. The first hundred or so are real common
// English words; the rest are the words of an English word list in a
// fixed pseudo-random order that favours short words. Benchmarks pick
// common and rare query words by rank.
func Word(rank int) string {
	v := vocab()
	if rank < 0 || rank >= len(v.words) {
		return ""
	}
	return v.words[rank]
}

// Japanese vocabulary: nouns of news prose, commonest first (drawn by
// Zipf's law), and the phrases that join them into sentences. None
// contains a Japanese alias of the gazetteer (a test checks), so the
// entities of a Japanese article are those the generator put in.
var (
	jaNouns = []string{
		"政府", "経済", "市場", "企業", "政策", "技術", "投資", "事業", "支援", "影響",
		"計画", "対策", "関係者", "課題", "方針", "協力", "開発", "調査", "情報", "地域",
		"半導体", "人工知能", "物価", "賃金", "金利", "為替", "株価", "輸出", "輸入", "貿易",
		"関税", "安全保障", "防衛", "外交", "首脳会談", "選挙", "予算", "税制", "社会保障", "年金",
		"少子化", "高齢化", "人口", "観光", "交通", "鉄道", "自動車", "電気自動車", "電池", "工場",
		"生産", "供給網", "物流", "通信", "人材", "雇用", "労働", "教育", "研究", "医療",
		"感染症", "ワクチン", "病院", "災害", "地震", "台風", "復興", "農業", "漁業", "食料",
		"気候変動", "脱炭素", "エネルギー", "電力", "原子力発電", "再生可能エネルギー", "規制", "法案", "制度", "改革",
		"戦略", "協定", "合意", "交渉", "会議", "閣僚", "当局", "専門家", "消費者", "利用者",
		"住民", "若者", "子ども", "女性", "データ", "サービス", "売上高", "利益", "決算", "業績",
		"提携", "買収", "見通し", "成長", "回復", "懸念", "整備", "導入", "拡大", "強化",
		"削減", "見直し", "検討", "連携", "競争", "安全", "将来", "世界", "新興企業", "地方自治体",
		"サイバー攻撃", "個人情報", "量子計算", "宇宙開発", "水素", "蓄電池", "住宅", "不動産", "消費税", "最低賃金",
	}
	// jaWhen are time words that open a sentence.
	jaWhen = []string{
		"今月", "先月", "今年", "昨年", "来年", "今週", "先週", "同日", "この日", "前日",
		"年内", "今後", "当面", "来月", "今年度",
	}
	// jaPredicates end a sentence after a noun.
	jaPredicates = []string{
		"について説明した", "を発表した", "を明らかにした", "に意欲を示した", "を検討している",
		"を進める方針だ", "の重要性を強調した", "に懸念を示した", "を求めた", "で合意した",
		"を協議した", "を表明した", "を目指す考えだ", "に取り組む考えを示した", "を急ぐ方針だ",
		"を決めた", "の見直しを進めている", "に向けた調整を続けている", "の詳細を詰める", "を巡って意見を交わした",
	}
	// jaStates end a sentence about a topic.
	jaStates = []string{
		"が続いている", "が課題となっている", "が注目されている", "に懸念が広がっている", "が急務となっている",
		"が問われている", "の動きが加速している", "への関心が高まっている", "が議論になっている", "が焦点となる",
	}
	// jaChanges are what a figure did.
	jaChanges = []string{"増加した", "減少した", "上昇した", "低下した", "拡大した", "縮小した"}
	// jaQuotes are what someone says they will do.
	jaQuotes = []string{
		"進めたい", "強化したい", "重視する", "見直す必要がある", "しっかり取り組む", "慎重に判断する",
		"早急に対応する", "丁寧に説明したい",
	}
	// jaHeadVerbs end a headline.
	jaHeadVerbs = []string{"発表", "表明", "検討", "強化", "合意", "協議", "見直し", "加速", "拡大", "提言"}
	// jaRoles describe an invented person: "アナリストの佐藤健太氏".
	jaRoles = []string{"アナリスト", "エコノミスト", "研究員", "教授", "広報担当者", "担当者"}
)

// jaNounZipf draws Japanese nouns by Zipf's law over jaNouns.
var jaNounZipf = sync.OnceValue(func() *zipf { return newZipf(len(jaNouns)) })
