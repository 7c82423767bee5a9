// Package lint runs a check over the inputs a user names: it expands
// directories, finds each file's config, reads and checks the files on
// several goroutines with one shared engine, and hands each result on in
// input order as soon as it and those before it are ready, so memory stays
// proportional to the files in flight.
package lint

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/doc"
	"github.com/fzlint/fzlint/checker/lend"
	"github.com/fzlint/fzlint/checker/pathglob"
	"github.com/fzlint/fzlint/checker/stackroom"
	"github.com/fzlint/fzlint/checker/suppress"
	"github.com/fzlint/fzlint/rules"
)

// Options steer a run.
type Options struct {
	Config   string    // --config: one config for every input; "" finds .fzlint.yaml per file
	NoConfig bool      // ignore config files: every embedded pack with default severities
	Encoding string    // --encoding override for text inputs
	Stdin    io.Reader // read for the input "-"
	// StdinName is the path reported for "-"; its extension picks the reader.
	StdinName string
	// Warn, if set, is told the warnings of each config as it is loaded:
	// during Run on the walk's or a worker's goroutine, not the caller's,
	// one call at a time (under the Linter's lock).
	Warn func(error)
	// Jobs is how many files are read and checked at once (--jobs); 0 or
	// less means one per CPU.
	Jobs int
	// Lender, when set, lends Run's checks memory (package lend): each
	// file is read and checked in the memory of files emitted before it,
	// given back as soon as emit returns. emit must then keep nothing of
	// a result past its return: no string, slice or pointer of it.
	Lender *lend.Lender
	// Preparsed, when set, holds the embedded packs parsed ahead
	// (Preparse): the first engine's Load takes them.
	Preparsed *rules.Preparsed
}

// Linter checks files. It caches one engine per config file and the config
// file that applies to each directory. Its methods may be called from
// several goroutines.
type Linter struct {
	opts Options
	mu   sync.Mutex // guards engines and configs
	// engines holds the engine of each config file ("" for the defaults).
	engines map[string]*loaded
	// configs holds the config file found for each directory, so that a
	// directory's files cost one lookup (stats up to the root), not one each.
	configs map[string]string
	// leaveOut are the files a walk leaves out, absolute (LeaveOut).
	leaveOut map[string]bool
}

type loaded struct {
	set     *rules.Set
	engine  *checker.Engine
	cfg     *rules.Config
	ignores *suppress.Ignores // the config's ignore list, nil if none
	err     error
}

// Preparse starts parsing the embedded packs with the engine's kinds, for
// Options.Preparsed.
func Preparse() *rules.Preparsed { return rules.Preparse(checker.Kinds()) }

// New returns a Linter.
func New(opts Options) *Linter {
	if opts.StdinName == "" {
		opts.StdinName = "<stdin>"
	}
	return &Linter{opts: opts, engines: map[string]*loaded{}, configs: map[string]string{}}
}

// LeaveOut makes the walks of later runs leave out paths: the files a run
// writes its reports to, created before the walk, which it would otherwise
// check as reports. A path named as an input is still checked. Not to be
// called during a run.
func (l *Linter) LeaveOut(paths []string) {
	for _, p := range paths {
		if abs, err := filepath.Abs(p); err == nil {
			p = abs
		}
		if l.leaveOut == nil {
			l.leaveOut = map[string]bool{}
		}
		l.leaveOut[p] = true
	}
}

// leftOut tells whether a walked path is one LeaveOut named.
func (l *Linter) leftOut(path string) bool {
	if len(l.leaveOut) == 0 {
		return false
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	return l.leaveOut[path]
}

// ConfigError is a bad config or pack: the files it applies to are not
// checked, and the run ends with exit code 2.
type ConfigError struct {
	Path string // the config file that applies, "" for the defaults
	Err  error
}

func (e *ConfigError) Error() string { return e.Err.Error() }
func (e *ConfigError) Unwrap() error { return e.Err }

// Run checks every input and calls emit with each file's result, in input
// order, on the caller's goroutine. Directories are walked for the formats
// fzlint reads. Files are read and checked by Options.Jobs goroutines; at
// most twice that many results wait to be emitted, so memory is bounded by
// the files in flight, not the run. With one job a file is read only after
// the one before it is emitted. With Options.Lender, a result's memory is
// given back as soon as emit returns it. A file whose config or packs are
// bad is emitted unchecked, with the error (code bad-config), and the run
// goes on; Run then returns the first such error, a *ConfigError.
func (l *Linter) Run(inputs []string, emit func(checker.FileResult)) error {
	jobs := l.opts.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	// In input order. With one job, none waits: a file is read only after
	// the one before it is emitted (and, with --fix, written).
	queue := 2 * jobs
	if jobs == 1 {
		queue = 0
	}
	pending := make(chan *task, queue)
	work := make(chan *task)
	var workers sync.WaitGroup
	for range jobs {
		workers.Go(func() {
			grown := false
			for t := range work {
				if !grown {
					// Once, while shallow, and only by a worker that has
					// work: an idle one keeps its small stack. It is for
					// the first file (a run over one report); between
					// files the collector may shrink the stack again,
					// and it then grows as it did before.
					stackroom.For64K()
					grown = true
				}
				l.do(t)
			}
		})
	}
	go func() {
		defer close(pending)
		defer close(work)
		l.walk(inputs, func(t *task) {
			pending <- t
			work <- t
		})
	}()
	var first error
	told := map[string]bool{} // the bad configs whose error a result has given in full
	for t := range pending {
		<-t.done
		if t.err != nil {
			first = cmp.Or(first, t.err)
			emit(uncheckedResult(t.path, t.err, told))
		} else {
			emit(t.result)
		}
		t.loan.Release()
	}
	workers.Wait()
	l.emitUnusedIgnores(emit)
	return first
}

// uncheckedResult is the result of a file left unchecked because its config
// or packs are bad: the first file of a config gives the error in full, the
// others point to it.
func uncheckedResult(path string, err error, told map[string]bool) checker.FileResult {
	msg := err.Error()
	var ce *ConfigError
	if errors.As(err, &ce) {
		name := cmp.Or(ce.Path, "默认配置")
		if told[name] {
			msg = "未检查：适用的配置 " + name + " 有错误（见上文）"
		} else {
			msg = "未检查：" + msg
		}
		told[name] = true
	}
	return checker.FileResult{Path: path, Error: &checker.FileError{Code: "bad-config", Message: msg},
		Findings: []checker.Finding{}}
}

// A task is one input of a run: a file to check, a walk error to report, or
// standard input.
type task struct {
	path    string
	walkErr error
	stdin   bool
	done    chan struct{} // closed when result and err are set
	result  checker.FileResult
	err     error
	// loan is the memory result was made in, given back once it is
	// emitted; nil when the run lends none.
	loan *lend.Loan
}

// walk hands send each input's tasks in order.
func (l *Linter) walk(inputs []string, send func(*task)) {
	for _, in := range inputs {
		if in == "-" {
			send(&task{path: in, stdin: true, done: make(chan struct{})})
			continue
		}
		skip := newWalkFilter(in)
		doc.Walk(in, func(path string, err error) {
			if path != in && (l.leftOut(path) || l.excluded(path) || skip(path)) {
				return
			}
			send(&task{path: path, walkErr: err, done: make(chan struct{})})
		})
	}
}

// do checks one task and marks it done.
func (l *Linter) do(t *task) {
	switch {
	case t.stdin:
		t.result, t.err = l.checkStdin()
	case t.walkErr != nil:
		t.result = errorResult(t.path, t.walkErr)
	default:
		if l.opts.Lender != nil {
			t.loan = l.opts.Lender.Loan()
		}
		t.result, t.err = l.checkFile(t.path, t.loan)
	}
	close(t.done)
}

// Engine returns the engine that checks path in a run, for a caller that
// checks text of its own (the language server's buffers).
func (l *Linter) Engine(path string) (*checker.Engine, error) {
	ld := l.engineFor(path)
	return ld.engine, ld.err
}

// Set returns the rule set that applies to path (for `fzlint rules`).
func (l *Linter) Set(path string) (*rules.Set, error) {
	ld := l.engineFor(path)
	return ld.set, ld.err
}

// CheckFile reads and checks one file.
func (l *Linter) CheckFile(path string) (checker.FileResult, error) {
	return l.checkFile(path, nil)
}

// checkFile is CheckFile, the file read and checked in memory of loan (nil
// for fresh memory).
func (l *Linter) checkFile(path string, loan *lend.Loan) (checker.FileResult, error) {
	ld := l.engineFor(path)
	if ld.err != nil {
		return checker.FileResult{}, ld.err
	}
	d, err := doc.Read(path, doc.Options{Encoding: l.opts.Encoding, Loan: loan})
	if err != nil {
		return errorResult(path, err), nil
	}
	return check(ld, d), nil
}

func (l *Linter) checkStdin() (checker.FileResult, error) {
	ld := l.engineFor(".")
	if ld.err != nil {
		return checker.FileResult{}, ld.err
	}
	d, err := l.readStdin()
	if err != nil {
		return errorResult(l.opts.StdinName, err), nil
	}
	return check(ld, d), nil
}

// readStdin reads standard input as a file named StdinName, within the size
// limit. A name without an extension does not say the format, so the content
// does (doc.SniffFormat): a .docx or a web page piped in is read as such.
func (l *Linter) readStdin() (*doc.Document, error) {
	name := l.opts.StdinName
	if l.opts.Stdin == nil {
		return nil, &doc.ReadError{Path: name, Code: doc.ErrUnreadable, Message: "没有标准输入"}
	}
	data, err := io.ReadAll(io.LimitReader(l.opts.Stdin, doc.MaxFileSize+1))
	if err != nil {
		return nil, &doc.ReadError{Path: name, Code: doc.ErrUnreadable, Message: "无法读取标准输入：" + err.Error()}
	}
	if len(data) > doc.MaxFileSize {
		return nil, &doc.ReadError{Path: name, Code: doc.ErrTooLarge, Message: fmt.Sprintf("输入超过上限 %d 字节", doc.MaxFileSize)}
	}
	opts := doc.Options{Encoding: l.opts.Encoding}
	if filepath.Ext(name) == "" {
		opts.Format = doc.SniffFormat(data)
	}
	return doc.ReadBytes(name, data, opts)
}

// check checks d and sets aside the findings that suppressions accept.
func check(ld *loaded, d *doc.Document) checker.FileResult {
	findings, ol := ld.engine.CheckOutline(d)
	r := checker.FileResult{Path: d.Path, Format: string(d.Format), Encoding: d.Encoding,
		Findings: findings, Doc: d, Outline: ol}
	ld.suppress(&r)
	return r
}

// suppress sets aside the findings of r that the document's suppression
// comments and the config's ignore list accept.
func (ld *loaded) suppress(r *checker.FileResult) {
	suppress.Apply(r)
	ld.ignores.Apply(r)
}

// Suppressor returns what applies to a result for path, checked by an
// engine of its own (the language server's), the suppressions a run applies:
// the document's comments and the ignore list of the config that applies to
// path. The config is found at the call; the function may be called from
// another goroutine.
func (l *Linter) Suppressor(path string) func(*checker.FileResult) {
	return l.engineFor(path).suppress
}

func errorResult(path string, err error) checker.FileResult {
	fe := &checker.FileError{Code: doc.ErrUnreadable, Message: err.Error()}
	var re *doc.ReadError
	if errors.As(err, &re) {
		fe = &checker.FileError{Code: re.Code, Message: re.Message}
	}
	return checker.FileResult{Path: path, Error: fe, Findings: []checker.Finding{}}
}

// engineFor returns the engine for the config that applies to path. The
// first call for a config loads it, holding the lock: the other goroutines
// need the same engine and wait for it.
func (l *Linter) engineFor(path string) *loaded {
	l.mu.Lock()
	defer l.mu.Unlock()
	cfgPath := l.opts.Config
	if cfgPath == "" && !l.opts.NoConfig {
		dir := path
		if filepath.Ext(path) != "" || path == l.opts.StdinName {
			dir = filepath.Dir(path)
		}
		found, ok := l.configs[dir]
		if !ok {
			found = rules.FindConfig(dir)
			l.configs[dir] = found
		}
		cfgPath = found
	}
	if ld, ok := l.engines[cfgPath]; ok {
		return ld
	}
	ld := &loaded{}
	l.engines[cfgPath] = ld
	if cfgPath != "" {
		cfg, err := rules.ReadConfig(cfgPath)
		if err != nil {
			ld.err = &ConfigError{Path: cfgPath, Err: err}
			return ld
		}
		ld.cfg, ld.ignores = cfg, suppress.NewIgnores(cfg)
	}
	set, err := rules.Load(rules.Options{Kinds: checker.Kinds(), Config: ld.cfg, Preparsed: l.opts.Preparsed})
	if err != nil {
		ld.err = &ConfigError{Path: cfgPath, Err: err}
		return ld
	}
	e, err := checker.New(set)
	if err != nil {
		ld.err = &ConfigError{Path: cfgPath, Err: err}
		return ld
	}
	ld.set, ld.engine = set, e
	for _, w := range set.Warnings {
		if l.opts.Warn != nil {
			l.opts.Warn(w)
		}
	}
	return ld
}

// excluded tells whether a walked file matches its config's exclude patterns,
// taken relative to the config file's directory.
func (l *Linter) excluded(path string) bool {
	ld := l.engineFor(path)
	if ld.cfg == nil || len(ld.cfg.Exclude) == 0 {
		return false
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	// Both absolute: a --config named relative to the working directory
	// has a relative Path, and Rel cannot relate it to an absolute one.
	base, err := filepath.Abs(filepath.Dir(ld.cfg.Path))
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(base, abs)
	if err != nil {
		return false
	}
	rel = filepath.ToSlash(rel)
	for _, pat := range ld.cfg.Exclude {
		if pathglob.Match(pat, rel) {
			return true
		}
	}
	return false
}

// Outline reads path ("-" for standard input) and returns its outline as the
// engine sees it. A file that cannot be read gives a *doc.ReadError.
func (l *Linter) Outline(path string) (*checker.Analysis, error) {
	ld := l.engineFor(path)
	if ld.err != nil {
		return nil, ld.err
	}
	var d *doc.Document
	var err error
	if path == "-" {
		d, err = l.readStdin()
	} else {
		d, err = doc.Read(path, doc.Options{Encoding: l.opts.Encoding})
	}
	if err != nil {
		return nil, err
	}
	return ld.engine.Analyze(d), nil
}

// Recheck returns a function that checks a document with the engine that
// applies to path, suppressions applied as in a run, for re-checking a file
// after fixing it.
func (l *Linter) Recheck(path string) func(*doc.Document) checker.FileResult {
	ld := l.engineFor(path)
	return func(d *doc.Document) checker.FileResult {
		if ld.engine == nil {
			return checker.FileResult{Path: path, Doc: d}
		}
		return check(ld, d)
	}
}
