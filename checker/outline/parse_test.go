package outline

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseMarker(t *testing.T) {
	// Inputs are view text: full-width forms are already ASCII.
	tests := []struct {
		in     string
		ok     bool
		level  int
		number int
		style  string
		marker string
	}{
		{"一、主要举措", true, 1, 1, "一、", "一、"},
		{"第一部分 主要举措和成效", true, 0, 1, "第一部分", "第一部分 "},
		{"第二章:存在问题", true, 0, 2, "第一章", "第二章:"},
		{"第三部分", true, 0, 3, "第一部分", "第三部分"},
		{"第一部分工作已完成", false, 0, 0, "", ""},
		{"第一次会议召开", false, 0, 0, "", ""},
		{"十一、其他", true, 1, 11, "一、", "十一、"},
		{"二十三、其他", true, 1, 23, "一、", "二十三、"},
		{"九十九、其他", true, 1, 99, "一、", "九十九、"},
		{"二十、其他", true, 1, 20, "一、", "二十、"},
		{"十、其他", true, 1, 10, "一、", "十、"},
		{"二.存在问题", true, 1, 2, "一.", "二."},
		{"三,下步打算", true, 1, 3, "一,", "三,"},
		{"四:其他事项", true, 1, 4, "一:", "四:"},
		{"(一)加强领导", true, 2, 1, "(一)", "(一)"},
		{"(十二)加强领导", true, 2, 12, "(一)", "(十二)"},
		{"(一)、加强领导", true, 2, 1, "(一)、", "(一)、"},
		{"1.健全机制", true, 3, 1, "1.", "1."},
		{"12.健全机制", true, 3, 12, "1.", "12."},
		{"1. 健全机制", true, 3, 1, "1.", "1."},
		{"1、健全机制", true, 3, 1, "1、", "1、"},
		{"(1)严格审查", true, 4, 1, "(1)", "(1)"},
		{"(10)严格审查", true, 4, 10, "(1)", "(10)"},
		{"(1)、严格审查", true, 4, 1, "(1)、", "(1)、"},
		{"1)公开征求意见", true, 4, 1, "1)", "1)"},
		{"⑴召开听证会", true, 4, 1, "⑴", "⑴"},
		{"⒇召开听证会", true, 4, 20, "⑴", "⒇"},
		{"①邀请专家", true, 5, 1, "①", "①"},
		{"⑳邀请专家", true, 5, 20, "①", "⑳"},
		// Not markers.
		{"一是坚持思想引领", false, 0, 0, "", ""},
		{"2021年,我室认真贯彻", false, 0, 0, "", ""},
		{"2021.12.30", false, 0, 0, "", ""},
		{"1.5亿元专项资金", false, 0, 0, "", ""},
		{"3、4月份完成", false, 0, 0, "", ""},
		{"123.不是编号", false, 0, 0, "", ""},
		{"一一、重复", false, 0, 0, "", ""},
		{"十十、重复", false, 0, 0, "", ""},
		{"一十、不规范", false, 0, 0, "", ""},
		{"(2021年)", false, 0, 0, "", ""},
		{"(一", false, 0, 0, "", ""},
		{"十分重要", false, 0, 0, "", ""},
		{"第一,加强领导", false, 0, 0, "", ""},
		{"", false, 0, 0, "", ""},
	}
	for _, tt := range tests {
		m, ok := parseMarker(tt.in)
		if ok != tt.ok {
			t.Errorf("parseMarker(%q) ok = %v, want %v", tt.in, ok, tt.ok)
			continue
		}
		if !ok {
			continue
		}
		if m.level != tt.level || m.number != tt.number || m.style != tt.style || tt.in[:m.size] != tt.marker {
			t.Errorf("parseMarker(%q) = level %d number %d style %q marker %q, want %d %d %q %q",
				tt.in, m.level, m.number, m.style, tt.in[:m.size], tt.level, tt.number, tt.style, tt.marker)
		}
	}
}

func TestFindDates(t *testing.T) {
	tests := []struct {
		in            string
		text          string // the matched text, "" for no date
		y, m, d       int
		form          string
		valid, padded bool
	}{
		{"2021年12月30日", "2021年12月30日", 2021, 12, 30, "arabic", true, false},
		{"2021年3月5日", "2021年3月5日", 2021, 3, 5, "arabic", true, false},
		{"2021年03月05日", "2021年03月05日", 2021, 3, 5, "arabic", true, true},
		{"2021 年 12 月 30 日", "2021 年 12 月 30 日", 2021, 12, 30, "arabic", true, false},
		{"二〇二一年十二月三十日", "二〇二一年十二月三十日", 2021, 12, 30, "chinese", true, false},
		{"二○二一年一月五日", "二○二一年一月五日", 2021, 1, 5, "chinese", true, false},
		{"二零二零年二月二十九日", "二零二零年二月二十九日", 2020, 2, 29, "chinese", true, false},
		{"二〇二一年二月三十一日", "二〇二一年二月三十一日", 2021, 2, 31, "chinese", false, false},
		{"2021-12-30", "2021-12-30", 2021, 12, 30, "dash", true, false},
		{"2021-03-05", "2021-03-05", 2021, 3, 5, "dash", true, true},
		{"2021.12.30", "2021.12.30", 2021, 12, 30, "dot", true, false},
		{"2021/12/30", "2021/12/30", 2021, 12, 30, "slash", true, false},
		{"21年12月30日", "21年12月30日", 2021, 12, 30, "short", true, false},
		{"2021年2月30日", "2021年2月30日", 2021, 2, 30, "arabic", false, false},
		{"2021年13月1日", "2021年13月1日", 2021, 13, 1, "arabic", false, false},
		{"2020年2月29日", "2020年2月29日", 2020, 2, 29, "arabic", true, false},
		{"2021年2月29日", "2021年2月29日", 2021, 2, 29, "arabic", false, false},
		{"广州市人民政府研究室 2021年12月30日", "2021年12月30日", 2021, 12, 30, "arabic", true, false},
		{"发布时间:2021-12-13 16:07:17", "2021-12-13", 2021, 12, 13, "dash", true, false},
		{"2024年元月15日", "2024年元月15日", 2024, 1, 15, "yuan", true, false},
		{"二〇二四年元月二十日", "二〇二四年元月二十日", 2024, 1, 20, "chinese", true, false},
		// Not dates.
		{"2021年", "", 0, 0, 0, "", false, false},
		{"2021-2025年", "", 0, 0, 0, "", false, false},
		{"12021-12-30", "", 0, 0, 0, "", false, false},
		{"1.5亿元", "", 0, 0, 0, "", false, false},
	}
	for _, tt := range tests {
		ms := findDates(tt.in)
		if tt.text == "" {
			if len(ms) != 0 {
				t.Errorf("findDates(%q) = %q, want none", tt.in, tt.in[ms[0].start:ms[0].end])
			}
			continue
		}
		if len(ms) != 1 {
			t.Errorf("findDates(%q) found %d dates, want 1", tt.in, len(ms))
			continue
		}
		m := ms[0]
		got := tt.in[m.start:m.end]
		if got != tt.text || m.year != tt.y || m.month != tt.m || m.day != tt.d || m.form != tt.form ||
			m.valid() != tt.valid || m.padded != tt.padded {
			t.Errorf("findDates(%q) = %q %d-%d-%d %s valid=%v padded=%v, want %q %d-%d-%d %s valid=%v padded=%v",
				tt.in, got, m.year, m.month, m.day, m.form, m.valid(), m.padded,
				tt.text, tt.y, tt.m, tt.d, tt.form, tt.valid, tt.padded)
		}
	}
}

func TestFindYears(t *testing.T) {
	tests := []struct {
		in    string
		years []int
	}{
		{"关于 2021 年度法治政府建设情况的报告", []int{2021}},
		{"《纲要(2021-2025年)》,2022年", []int{2022}},
		{"《规划(2021一2025年)》", nil},
		{"2020年至2022年", []int{2020}},
		{"12021年", nil},
		{"现将市政府办公室2022年度法治政府建设情况报告如下", []int{2022}},
		{"关于二〇二三年度法治政府建设情况的报告", []int{2023}},
		{"二零二二年,一九九九年", []int{2022, 1999}},
		{"《规划(二〇二一至二〇二五年)》", nil},
		{"统一二〇二三年", []int{2023}}, // a word ending in 一 before the year
	}
	for _, tt := range tests {
		var got []int
		for _, y := range findYears(tt.in) {
			got = append(got, y.year)
		}
		if !slices.Equal(got, tt.years) {
			t.Errorf("findYears(%q) = %v, want %v", tt.in, got, tt.years)
		}
	}
}

// TestSentenceEnd: the byte-wise search finds the first of 。!?; as a search
// by runes does.
func TestSentenceEnd(t *testing.T) {
	isEnd := func(r rune) bool { return r == '。' || r == '!' || r == '?' || r == ';' }
	for _, s := range []string{"", "没有", "一是加强学习。二是", "问题?", "甲;乙", "「引号」。", "末尾。", "ab!", "\u3001、。", "丁。"} {
		at, size := sentenceEnd(s)
		want := strings.IndexFunc(s, isEnd)
		wantSize := 0
		if want >= 0 {
			_, wantSize = utf8.DecodeRuneInString(s[want:])
		}
		if at != want || size != wantSize {
			t.Errorf("sentenceEnd(%q) = %d, %d; want %d, %d", s, at, size, want, wantSize)
		}
	}
}

// TestSignatureLike: the names organs sign with, and lines that are no
// signature.
func TestSignatureLike(t *testing.T) {
	for _, s := range []string{"青山县司法局", "中共青山县委", "青山县人民政府办公室", "青山县发展和改革委员会",
		"青山经济技术开发区管理委员会", "青山海关", "青山县城市管理综合执法大队", "青山市消防救援支队",
		"青山县人民政府青山街道办事处", "中共青山县委 青山县人民政府", "青山县大数据中心"} {
		if !signatureLike(s, true) {
			t.Errorf("signatureLike(%q) = false, want an organ's signature", s)
		}
	}
	// As the normalized view has them: half-width , : ( ).
	for _, s := range []string{"特此报告", "附件:统计表", "全面落实行政执法三项制度。", "青山县", "局",
		"青山县司法局,青山县人民政府", "联系人:张三"} {
		if signatureLike(s, true) {
			t.Errorf("signatureLike(%q) = true, want no signature", s)
		}
	}
	if !signatureLike("青山县司法局(盖章)", false) {
		t.Error("a short line right above the date is a signature even if it ends otherwise")
	}
}

// TestAttachmentHeader: the line that opens an attachment, not the 附件说明.
func TestAttachmentHeader(t *testing.T) {
	for _, s := range []string{"附件", "附件1", "附件 2", "附件12", "附件一", "附件十二"} {
		if !attachmentHeader(s) {
			t.Errorf("attachmentHeader(%q) = false", s)
		}
	}
	for _, s := range []string{"附件:", "附件:1.统计表", "附件说明", "附件1:统计表", "附件下载", "附", ""} {
		if attachmentHeader(s) {
			t.Errorf("attachmentHeader(%q) = true", s)
		}
	}
}

func TestCitationsMasked(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"认真学习《第一责任人职责规定》。", "认真学习《□□□□□□□□□》。"},
		{"认真贯彻落实《第一责任人职责规定》。", "认真贯彻落实《第一责任人职责规定》。"},
		{"学习《条例》和《规定》,贯彻《纲要》", "学习《□□》和《□□》,贯彻《纲要》"},
		{"学习《关于〈规定〉的说明》", "学习《□□□□□□□□□》"},
		{"未闭合《第一责任人", "未闭合《□□□□□"},
		{"没有书名号", "没有书名号"},
	} {
		if got := citationsMasked(c.in); got != c.want {
			t.Errorf("citationsMasked(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
