package browsertest

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/checklist"
	"github.com/fzlint/fzlint/checker/lint"
	"github.com/fzlint/fzlint/checker/outline"
	"github.com/fzlint/fzlint/checker/output"
	"github.com/fzlint/fzlint/checker/serve"
)

const shared = "../../../shared"

// browserContext starts headless Chromium, or skips the test.
func browserContext(t *testing.T) context.Context {
	t.Helper()
	var path string
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		t.Skip("Chromium is not installed: .ci/install-chromium.sh installs it")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.WindowSize(1280, 900),
		chromedp.UserDataDir(t.TempDir()),
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	t.Cleanup(cancel)
	ctx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancelBrowser := chromedp.NewContext(ctx)
	t.Cleanup(cancelBrowser)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", path, err)
	}
	return ctx
}

// artefact writes a screenshot where the run keeps its artefacts.
func artefact(t *testing.T, name string, b []byte) {
	dir := os.Getenv("FZLINT_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "fzlint-artifacts")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
}

// seeds are the real reports, and a web page whose findings are placed in
// its source while the text shown is the extracted one.
func seeds(t *testing.T) []string {
	paths, _ := filepath.Glob(shared + "/seeds/*.txt")
	if len(paths) == 0 {
		t.Logf("%s is absent: the project's own reports instead of the seeds", shared)
		paths, _ = filepath.Glob("../../testdata/reports/*.txt")
		return append(paths, "../../testdata/read/page.html")
	}
	return append(paths, shared+"/samples/003-page.html")
}

// reportOf checks path and returns its HTML report and its JSON output.
// jsonFinding is a finding as the JSON output has it.
type jsonFinding struct {
	Rule     string
	Severity string
	Message  string
	Excerpt  string
}

func reportOf(t *testing.T, path string) (page []byte, findings []jsonFinding) {
	t.Helper()
	l := lint.New(lint.Options{NoConfig: true})
	var html, js bytes.Buffer
	hp := output.NewHTML(&html, output.Options{Review: func(r checker.FileResult) (*outline.Outline, *checklist.List) {
		a, set, err := l.Analysis(r)
		if err != nil {
			t.Fatal(err)
		}
		return a.Outline, checklist.Build(set, a, r.Findings)
	}})
	jp := output.NewJSON(&js, output.Options{})
	err := l.Run([]string{path}, func(r checker.FileResult) {
		if err := hp.File(r); err != nil {
			t.Fatal(err)
		}
		if err := jp.File(r); err != nil {
			t.Fatal(err)
		}
	})
	if err != nil || hp.Finish() != nil || jp.Finish() != nil {
		t.Fatal(err)
	}
	var doc struct {
		Files []struct{ Findings []jsonFinding }
	}
	if err := json.Unmarshal(js.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	return html.Bytes(), doc.Files[0].Findings
}

// highlightsJS collects, for every finding id in data-f, the text of the
// marks covering it, a line break between marks on different lines.
const highlightsJS = `(function(){
var out={},last={};
document.querySelectorAll("section.file mark").forEach(function(m){
  var line=+m.closest(".line").querySelector(".ln").textContent;
  m.dataset.f.split(" ").forEach(function(i){
    if(!(i in out)){out[i]="";last[i]=line}
    out[i]+="\n".repeat(line-last[i])+m.textContent;
    last[i]=line;
  });
});
return out;})()`

// TestReportInBrowser: in each seed's report the highlights are the JSON
// findings, a click in the list scrolls to the highlight, the filter hides.
func TestReportInBrowser(t *testing.T) {
	ctx := browserContext(t)
	dir := t.TempDir()
	for _, path := range seeds(t) {
		page, findings := reportOf(t, path)
		file := filepath.Join(dir, filepath.Base(path)+".html")
		if err := os.WriteFile(file, page, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.Navigate("file://"+file), chromedp.WaitReady(chromedp.CSS("section.file"))); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		got, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]string](highlightsJS))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		artefact(t, "report-"+filepath.Base(path)+".png", shot)
		if len(got) != len(findings) {
			t.Errorf("%s: %d findings highlighted, %d in the JSON output", path, len(got), len(findings))
		}
		for i, f := range findings {
			if h, ok := got[fmt.Sprint(i)]; !ok || h != f.Excerpt {
				t.Errorf("%s: finding %d (%s) highlights %q, excerpt %q", path, i, f.Rule, h, f.Excerpt)
			}
		}
		clickScrolls(t, ctx, path, findings)
		clickShows(t, ctx, path, findings)
		filterHides(t, ctx, path, findings)
	}
}

// clickScrolls clicks the list entry of the last finding after scrolling to
// the top, and checks that its highlight is then in view.
func clickScrolls(t *testing.T, ctx context.Context, path string, findings []jsonFinding) {
	last := len(findings) - 1
	if last < 0 {
		return
	}
	sel := fmt.Sprintf(`.findings li[data-i="%d"] a`, last)
	inView := fmt.Sprintf(`(function(){var r=document.getElementById("f1-%d").getBoundingClientRect();return r.top>=0&&r.bottom<=window.innerHeight})()`, last)
	before, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(function(){window.scrollTo(0,0);document.querySelectorAll(".findings").forEach(function(a){a.scrollTop=a.scrollHeight});return true})()`))
	if err == nil {
		before, err = chromedp.Run(ctx, chromedp.Evaluate[bool](inView))
	}
	if err == nil {
		err = chromedp.Do(ctx, chromedp.Click(chromedp.CSS(sel)), chromedp.Sleep(300*time.Millisecond))
	}
	var after bool
	if err == nil {
		after, err = chromedp.Run(ctx, chromedp.Evaluate[bool](inView))
	}
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	switch {
	case before:
		t.Logf("%s: finding %d is in view from the start: scrolling not tested on it", path, last)
	case !after:
		t.Errorf("%s: finding %d not in view after a click on its entry", path, last)
	}
}

// clickShows clicks the highlight of the first finding with text and checks
// that the box it opens shows the finding's message.
func clickShows(t *testing.T, ctx context.Context, path string, findings []jsonFinding) {
	for i, f := range findings {
		if f.Excerpt == "" || strings.HasPrefix(f.Excerpt, "\n") {
			continue
		}
		sel := fmt.Sprintf(`mark[data-f~="%d"]:not(.point):not(.nl)`, i)
		err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(sel)), chromedp.Sleep(200*time.Millisecond))
		var shown string
		if err == nil {
			shown, err = chromedp.Run(ctx, chromedp.Evaluate[string](`(function(){var p=document.getElementById("pop");return getComputedStyle(p).display=="none"?"":p.textContent})()`))
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if !strings.Contains(shown, f.Message) {
			t.Errorf("%s: a click on finding %d shows %q, not its message %q", path, i, shown, f.Message)
		}
		return
	}
}

// filterHides turns the infos off and checks that their entries and the
// highlights only they cover are hidden, the rest shown.
func filterHides(t *testing.T, ctx context.Context, path string, findings []jsonFinding) {
	infos := map[string]bool{}
	for i, f := range findings {
		if f.Severity == "info" {
			infos[fmt.Sprint(i)] = true
		}
	}
	if len(infos) == 0 {
		return
	}
	type filterState struct {
		Hidden []string
		Shown  []string
		Off    []string
		On     []string
	}
	err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`.filters input[value="sev:info"]`)))
	var st filterState
	if err == nil {
		st, err = chromedp.Run(ctx, chromedp.Evaluate[filterState](`(function(){var s={Hidden:[],Shown:[],Off:[],On:[]};
document.querySelectorAll(".findings li").forEach(function(li){(getComputedStyle(li).display=="none"?s.Hidden:s.Shown).push(li.dataset.i)});
document.querySelectorAll("mark").forEach(function(m){(m.classList.contains("off")?s.Off:s.On).push(m.dataset.f)});
return s})()`))
	}
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	state := st
	for _, i := range state.Hidden {
		if !infos[i] {
			t.Errorf("%s: finding %s hidden by the info filter", path, i)
		}
	}
	for _, i := range state.Shown {
		if infos[i] {
			t.Errorf("%s: info %s still shown", path, i)
		}
	}
	if len(state.Hidden) != len(infos) {
		t.Errorf("%s: %d hidden, %d infos", path, len(state.Hidden), len(infos))
	}
	onlyInfos := func(f string) bool {
		for _, i := range strings.Split(f, " ") {
			if !infos[i] {
				return false
			}
		}
		return true
	}
	for _, f := range state.Off {
		if !onlyInfos(f) {
			t.Errorf("%s: highlight of %s turned off", path, f)
		}
	}
	for _, f := range state.On {
		if onlyInfos(f) {
			t.Errorf("%s: highlight of infos %s still on", path, f)
		}
	}
}

// TestServeInBrowser uploads a .docx through the page of fzlint serve,
// waits for the checklist and the highlights and downloads the annotated
// document.
func TestServeInBrowser(t *testing.T) {
	upload, _ := filepath.Abs(shared + "/samples/000-signed.docx")
	if _, err := os.Stat(upload); err != nil {
		upload, _ = filepath.Abs("../../testdata/read/numbered.docx")
	}
	ctx := browserContext(t)
	srv, err := serve.New(lint.New(lint.Options{NoConfig: true}))
	if err != nil {
		t.Fatal(err)
	}
	ln, addr, err := srv.Listen(0)
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { ln.Close() })

	downloads := t.TempDir()
	dctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	progress := chromedp.Events(dctx, browser.DownloadProgress)
	report := `document.getElementById("report").contentDocument`
	err = chromedp.Do(ctx,
		chromedp.Navigate(addr),
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
				Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: downloads, EventsEnabled: ptr(true)})
			return err
		}),
		chromedp.WaitReady(chromedp.ID("file")),
		chromedp.SetUploadFiles(chromedp.ID("file"), []string{upload}),
		chromedp.WaitEnabled(chromedp.ID("download")),
	)
	if err == nil {
		_, err = chromedp.Run(ctx, chromedp.Poll[bool](report+`&&`+report+`.querySelectorAll("mark").length>0`))
	}
	var items, marks int
	var status string
	var shot []byte
	if err == nil {
		items, err = chromedp.Run(ctx, chromedp.Evaluate[int](report+`.querySelectorAll("table.checklist tr[data-item]").length`))
	}
	if err == nil {
		marks, err = chromedp.Run(ctx, chromedp.Evaluate[int](report+`.querySelectorAll("mark").length`))
	}
	if err == nil {
		status, err = chromedp.Run(ctx, chromedp.Text(chromedp.ID("status")))
	}
	if err == nil {
		shot, err = chromedp.Run(ctx, chromedp.FullScreenshot(100))
	}
	if err == nil {
		err = chromedp.Do(ctx, chromedp.Click(chromedp.ID("download")))
	}
	if err != nil {
		t.Fatal(err)
	}
	artefact(t, "serve.png", shot)
	if items < 5 || marks == 0 || !strings.Contains(status, "发现") {
		t.Errorf("checklist items %d, highlights %d, status %q", items, marks, status)
	}
	var guid string
	for ev, err := range progress {
		if err != nil {
			t.Fatalf("no download: %v", err)
		}
		if ev.State == browser.DownloadProgressStateCompleted {
			guid = ev.GUID
			break
		}
	}
	b, err := os.ReadFile(filepath.Join(downloads, guid))
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("the download is not a .docx: %v", err)
	}
	l := lint.New(lint.Options{NoConfig: true})
	r, _ := l.CheckFile(upload)
	for _, f := range zr.File {
		if f.Name == "word/comments.xml" {
			rc, _ := f.Open()
			c, _ := io.ReadAll(rc)
			rc.Close()
			if n := bytes.Count(c, []byte(`w:author="fzlint"`)); n != len(r.Findings) {
				t.Errorf("%d comments in the download, %d findings", n, len(r.Findings))
			}
			return
		}
	}
	t.Error("the download has no comments")
}

func ptr[T any](v T) *T { return &v }
