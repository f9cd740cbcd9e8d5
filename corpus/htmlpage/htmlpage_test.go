package htmlpage

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
)

// pageCase is one fixture page and what Extract must find in it.
type pageCase struct {
	name     string // testdata/pages/<name>.html, written in UTF-8
	lang     string
	title    string
	date     string // RFC 3339 or YYYY-MM-DD; "" for none
	source   string
	url      string
	passURL  bool     // give url as Options.URL (the page names no canonical URL)
	encoding string   // re-encode the page in this encoding for the test
	declare  string   // how the encoding is declared: meta, http-equiv, header, none
	body     []string // lines that must be in the body
}

// boilerplate are lines of the fixtures' nav, cookie banner, share bars,
// newsletter boxes, captions, related stories, footers and scripts: none
// may be in a body.
var boilerplate = []string{
	"Accept all cookies", "We use cookies", "Share on Facebook", "Share this article", "Sign up for our newsletter",
	"morning briefing", "Related stories", "Oil prices climb", "Five charts", "Photo: Jane Doe", "All rights reserved",
	"Privacy policy", "console.log", "dataLayer", "Home", "クッキー", "同意する", "シェア", "ニュースレター", "関連記事",
	"首相が記者会見", "写真：共同", "利用規約", "トップ", "By Staff Reporter",
}

func pageCases() []pageCase {
	return []pageCase{
		{name: "en-wire-markets", lang: "en", title: "Markets rally as central bank signals a rate cut", date: "2024-03-05T09:30:00Z", source: "Daily Ledger", url: "https://www.dailyledger.example/business/2024/03/05/markets-rally-rate-cut", passURL: false, encoding: "", declare: "",
			body: []string{"Stock markets in Europe and Asia rose on Tuesday after the central bank signalled that it would cut interest rates at its next meeting, citing a slowdown in inflation.", "The benchmark index closed 2.1 per cent higher, its biggest one-day gain since November, led by banks and housebuilders.", "“We think the path is now clear for a cut in June,” said Maria Jensen, chief economist at Nordhavn Capital, in a note to clients.", "Bond yields fell across the curve, and the currency weakened slightly against the dollar."}},
		{name: "en-tech-ld", lang: "en", title: "Chipmaker opens its first plant in Arizona", date: "2023-11-20T14:00:00-07:00", source: "The Circuit", url: "https://thecircuit.example/news/chipmaker-opens-plant", passURL: false, encoding: "", declare: "",
			body: []string{"A Taiwanese chipmaker opened its first factory in Arizona on Monday, three years after it announced the project and a year behind schedule.", "The plant will make processors for phones and cars and employ about 2,000 people when it reaches full production next year.", "Officials said the delay was caused by a shortage of skilled workers and by the cost of building in the desert."}},
		{name: "en-time-element", lang: "en", title: "Ferry service resumes after winter storms", date: "2024-01-15T07:45:00+00:00", source: "Harbor Times", url: "https://harbortimes.example/local/ferry-service-resumes", passURL: false, encoding: "", declare: "",
			body: []string{"Ferry crossings between the mainland and the islands resumed on Monday after a week of cancellations caused by winter storms.", "The operator said all scheduled sailings would run, although passengers should expect delays while the backlog is cleared.", "Island businesses said the disruption had cost them thousands in lost trade during what is normally a quiet but steady season."}},
		{name: "en-url-date", lang: "en", title: "Heatwave brings record temperatures to the north", date: "2022-07-19", source: "news.northwind.example", url: "https://news.northwind.example/2022/07/19/heatwave-record-temperatures", passURL: true, encoding: "", declare: "",
			body: []string{"Temperatures above 38C were recorded in three northern cities on Tuesday, breaking records that had stood for more than 70 years.", "Rail operators cut services and asked passengers to travel only if necessary, while hospitals reported a rise in heat-related admissions.", "Forecasters said the heat would ease from Wednesday as cooler air moved in from the west."}},
		{name: "en-graph-ld", lang: "en", title: "Mayor unveils budget with focus on housing", date: "2024-05-02T10:00:00Z", source: "Metro Post", url: "https://metropost.example/politics/mayor-budget", passURL: false, encoding: "", declare: "",
			body: []string{"The mayor on Thursday unveiled a budget that puts more money into affordable housing and public transport while freezing most other spending.", "The plan includes funding for 4,500 new homes over five years and a discounted fare scheme for people on low incomes.", "Opposition councillors said the budget relied on optimistic forecasts of tax revenue and would leave the city exposed if the economy slowed."}},
		{name: "en-sports", lang: "en", title: "United win the cup in extra time", date: "2024-05-25T19:10:00Z", source: "Final Whistle", url: "https://finalwhistle.example/football/cup-final-report", passURL: false, encoding: "", declare: "",
			body: []string{"United won the cup for the first time in 12 years after a goal in the 108th minute settled a tense final at a packed national stadium.", "The winning goal came from a corner that was headed in at the far post by the defender Sam Okafor, who had been doubtful before the match with a knee injury.", "Their manager said afterwards that the victory belonged to the supporters, who had waited a long time for a trophy."}},
		{name: "en-science", lang: "en", title: "Probe reaches asteroid after four-year journey", date: "2023-09-12T03:00:00Z", source: "Lab Notes", url: "https://labnotes.example/space/probe-reaches-asteroid", passURL: false, encoding: "", declare: "",
			body: []string{"A space probe launched four years ago reached its target asteroid on Tuesday and began the first of several close passes to map its surface.", "Scientists hope samples collected by the probe will show how water and organic molecules were delivered to the early Earth.", "The first images, released by the mission team, show a rubble-pile surface covered with boulders the size of houses."}},
		{name: "en-health-minimal", lang: "en", title: "Vaccine rollout expands to people over 60", date: "2021-02-08", source: "clinic-news.example", url: "https://clinic-news.example/2021/02/08/vaccine-rollout-expands", passURL: false, encoding: "", declare: "",
			body: []string{"The vaccination programme was extended on Monday to everyone aged over 60, a week earlier than planned, after supply improved.", "Health officials said more than ten million doses had now been given and that appointments would be offered by text message."}},
		{name: "en-opinion", lang: "en", title: "Why libraries still matter in a digital age", date: "2024-02-29T12:00:00Z", source: "Civic Review", url: "https://civicreview.example/opinion/why-libraries-matter", passURL: false, encoding: "", declare: "",
			body: []string{"Every few years someone announces that libraries are obsolete, and every few years the people who use them prove otherwise.", "Libraries are among the last public places where nobody expects you to buy anything; they lend laptops, run homework clubs and help people apply for jobs.", "Closing them saves little money and costs communities a great deal that never appears on a balance sheet."}},
		{name: "en-weather-bom", lang: "en", title: "Flood warnings issued as river levels rise", date: "2024-10-03T06:00:00Z", source: "Coast Courier", url: "https://coastcourier.example/weather/flood-warning", passURL: false, encoding: "", declare: "",
			body: []string{"The environment agency issued flood warnings for 14 communities on Thursday as heavy rain pushed river levels close to record highs.", "Residents in low-lying streets were told to move valuables upstairs and to be ready to leave their homes at short notice.", "More rain is forecast for the weekend, and the agency said it could not rule out further warnings."}},
		{name: "en-business-update", lang: "en", title: "Airline reports record profit on strong demand", date: "2024-08-07T02:30:00Z", source: "Ledger Asia", url: "https://ledgerasia.example/companies/airline-profit", passURL: false, encoding: "", declare: "",
			body: []string{"The airline reported a record half-year profit on Wednesday as travel demand stayed strong and fuel prices eased.", "Revenue rose 18 per cent, and the company said bookings for the rest of the year were ahead of last year on every long-haul route.", "It will pay a special dividend and has ordered 20 new aircraft to be delivered from 2027."}},
		{name: "en-no-og", lang: "en", title: "Old stone bridge reopens to walkers", date: "", source: "quietvalley.example", url: "https://quietvalley.example/community/bridge-reopens", passURL: true, encoding: "", declare: "",
			body: []string{"The old stone bridge over the river reopened to walkers and cyclists on Saturday after two years of repairs.", "Volunteers raised part of the cost, and the council paid for the rest from its heritage fund.", "Cars will remain banned from the bridge to protect its foundations."}},
		{name: "ja-economy", lang: "ja", title: "日銀、追加利上げを検討 物価上昇が続く", date: "2024-04-10T09:00:00+09:00", source: "日経ニュース", url: "https://www.nikkei-news.example/article/2024/04/10/boj-rate", passURL: false, encoding: "", declare: "",
			body: []string{"日本銀行は１０日、物価の上昇が続いていることを受けて、追加の利上げを検討していると明らかにした。", "植田和男総裁は記者会見で「賃金と物価の好循環が強まっている」と述べ、今後の金融政策の正常化に意欲を示した。", "市場では、年内にも政策金利が引き上げられるとの見方が広がっており、円相場は対ドルで上昇した。"}},
		{name: "ja-sports-ld", lang: "ja", title: "大谷翔平が第３０号本塁打 チームは逆転勝ち", date: "2024-07-21T13:20:00+09:00", source: "スポーツ日報", url: "https://sports-nippo.example/baseball/ohtani-homer", passURL: false, encoding: "", declare: "",
			body: []string{"大谷翔平選手は２１日、本拠地での試合に「１番・指名打者」で出場し、今季第３０号となる本塁打を放った。", "チームは終盤に逆転し、５対３で勝利した。監督は「大谷の一打で流れが変わった」と話した。", "大谷選手は４年連続で３０本塁打に到達し、球団の記録に並んだ。"}},
		{name: "ja-weather-time", lang: "ja", title: "台風１０号が九州に接近 交通機関に影響", date: "2024-08-28T18:00:00+09:00", source: "地方新聞", url: "https://chiho-shimbun.example/news/typhoon-approach", passURL: false, encoding: "", declare: "",
			body: []string{"大型の台風１０号は２８日夜、九州の南の海上を北上しており、２９日には九州に上陸する恐れがある。", "気象庁は暴風や高波、土砂災害に厳重な警戒を呼びかけている。鉄道各社は計画運休を発表した。", "航空各社も九州発着の便を中心に欠航を決めており、帰省客への影響が広がっている。"}},
		{name: "ja-sjis-local", lang: "ja", title: "港まつり、４年ぶりに花火大会を開催", date: "2023-08-05T20:00:00+09:00", source: "みなと新聞", url: "https://minato-np.example/local/festival", passURL: false, encoding: "shift_jis", declare: "meta",
			body: []string{"港町の夏の恒例行事である港まつりで５日夜、４年ぶりに花火大会が開かれ、約８万人の見物客でにぎわった。", "実行委員会によると、今年は約１万発の花火が打ち上げられ、海上からの仕掛け花火も披露された。", "会場周辺では交通規制が行われ、警察官ら約５００人が警備にあたった。"}},
		{name: "ja-eucjp-tech", lang: "ja", title: "国産の大規模言語モデルを公開 研究機関", date: "2024-06-12", source: "テック速報", url: "https://tech-sokuho.example/it/2024/06/12/ai-model", passURL: false, encoding: "euc-jp", declare: "http-equiv",
			body: []string{"国内の研究機関は１２日、日本語に特化した大規模言語モデルを公開したと発表した。", "モデルは研究や商用で無料で利用でき、行政文書や医療分野での活用を想定しているという。", "担当者は「日本語の文章をより自然に扱えるようにした」と説明した。"}},
		{name: "ja-iso2022-short", lang: "ja", title: "大雪で新幹線に遅れ 最大２時間", date: "2024-01-24T08:00:00+09:00", source: "メール新報", url: "https://mail-shimpo.example/society/train-delay", passURL: false, encoding: "iso-2022-jp", declare: "header",
			body: []string{"大雪の影響で２４日朝、東海道新幹線の一部列車に最大２時間の遅れが出た。", "ＪＲ東海によると、関ケ原付近で速度を落として運転したためで、約３万人に影響した。"}},
		{name: "ja-no-lang", lang: "ja", title: "清水寺の本堂、修復工事が完了", date: "2020-12-03T10:00:00+09:00", source: "kyoto-times.example", url: "https://kyoto-times.example/culture/temple-restoration", passURL: false, encoding: "", declare: "",
			body: []string{"京都市東山区の清水寺で３日、本堂の屋根をふき替える修復工事の完了を祝う法要が営まれた。", "工事は約１０年にわたって行われ、ヒノキの樹皮を使う伝統的な技法で屋根が新しくなった。", "寺は「多くの人に参拝してもらいたい」としている。"}},
		{name: "en-lang-undeclared", lang: "en", title: "New primary school opens its doors", date: "2024-09-30", source: "riverside-gazette.example", url: "https://riverside-gazette.example/2024/09/30/school-opens", passURL: false, encoding: "", declare: "",
			body: []string{"A new primary school opened on Monday in the riverside district, with places for 420 children and a library open to the public in the evenings.", "The building is heated by ground-source pumps and has solar panels on its roof, and the council says it will produce more energy than it uses."}},
		{name: "en-broken-markup", lang: "en", title: "Ruling party loses its majority in snap election", date: "2024-11-04T23:00:00Z", source: "Night Desk", url: "https://nightdesk.example/world/election-results", passURL: false, encoding: "", declare: "",
			body: []string{"The ruling party lost its parliamentary majority in a snap election on Sunday, according to official results released overnight.", "The opposition alliance won 41 per cent of the vote, its best result in two decades, and said it would begin talks on forming a government.", "Turnout was 68 per cent, up from 61 per cent at the last election."}},
		{name: "ja-economy", lang: "ja", title: "日銀、追加利上げを検討 物価上昇が続く", date: "2024-04-10T09:00:00+09:00", source: "日経ニュース", url: "https://www.nikkei-news.example/article/2024/04/10/boj-rate", encoding: "shift_jis", declare: "none",
			body: []string{"植田和男総裁は記者会見で「賃金と物価の好循環が強まっている」と述べ、今後の金融政策の正常化に意欲を示した。"}},
	}
}

// TestExtractFixtures extracts every fixture page and checks its
// headline, date, source, canonical URL, language and body.
func TestExtractFixtures(t *testing.T) {
	for _, tc := range pageCases() {
		t.Run(tc.name+"/"+tc.encoding, func(t *testing.T) {
			data, contentType := fixture(t, tc)
			opts := Options{ContentType: contentType}
			if tc.passURL {
				opts.URL = tc.url
			}
			p, err := Extract(data, opts)
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			checkPage(t, tc, p)
		})
	}
}

// checkPage compares what Extract found with the case.
func checkPage(t *testing.T, tc pageCase, p Page) {
	t.Helper()
	if p.Title != tc.title {
		t.Errorf("title %q, want %q", p.Title, tc.title)
	}
	if got := dateString(p.Published); !sameTime(got, tc.date) {
		t.Errorf("published %q, want %q", got, tc.date)
	}
	if p.Source != tc.source {
		t.Errorf("source %q, want %q", p.Source, tc.source)
	}
	if p.URL != tc.url {
		t.Errorf("url %q, want %q", p.URL, tc.url)
	}
	if lang := p.Lang; lang != "" && lang != tc.lang {
		t.Errorf("lang %q, want %q or none", lang, tc.lang)
	}
	for _, line := range tc.body {
		if !strings.Contains(p.Body, line) {
			t.Errorf("body lacks %q:\n%s", line, p.Body)
		}
	}
	for _, b := range boilerplate {
		if strings.Contains(p.Body, b) {
			t.Errorf("body holds boilerplate %q:\n%s", b, p.Body)
		}
	}
	if strings.Contains(p.Body, tc.title) {
		t.Errorf("body repeats the headline")
	}
	if len(p.Warnings) > 0 {
		t.Errorf("warnings %q, want none: the page declares its charset rightly", p.Warnings)
	}
}

// fixture reads a fixture page, re-encoded and declared as the case says,
// and the Content-Type header to give with it.
func fixture(t *testing.T, tc pageCase) ([]byte, string) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "pages", tc.name+".html"))
	if err != nil {
		t.Fatal(err)
	}
	page, contentType := string(raw), ""
	if tc.encoding == "" {
		return raw, ""
	}
	decl := `<meta charset="utf-8">`
	switch tc.declare {
	case "meta":
		page = strings.Replace(page, decl, `<meta charset="`+tc.encoding+`">`, 1)
	case "http-equiv":
		page = strings.Replace(page, decl, `<meta http-equiv="Content-Type" content="text/html; charset=`+tc.encoding+`">`, 1)
	case "header":
		page = strings.Replace(page, decl, "", 1)
		contentType = "text/html; charset=" + tc.encoding
	case "none":
		page = strings.Replace(page, decl, "", 1)
	}
	encs := map[string]encoding.Encoding{"shift_jis": japanese.ShiftJIS, "euc-jp": japanese.EUCJP, "iso-2022-jp": japanese.ISO2022JP}
	out, err := encoding.HTMLEscapeUnsupported(encs[tc.encoding].NewEncoder()).Bytes([]byte(page))
	if err != nil {
		t.Fatalf("encode %s: %v", tc.encoding, err)
	}
	return out, contentType
}

// dateString formats t as RFC 3339, "" for nil.
func dateString(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.Format(time.RFC3339)
}

// sameTime reports whether got (RFC 3339) is the instant want names
// (RFC 3339 or a date at midnight UTC).
func sameTime(got, want string) bool {
	if got == "" || want == "" {
		return got == want
	}
	g, err1 := time.Parse(time.RFC3339, got)
	w, err2 := time.Parse(time.RFC3339, want)
	if err2 != nil {
		w, err2 = time.Parse("2006-01-02", want)
	}
	return err1 == nil && err2 == nil && g.Equal(w)
}
