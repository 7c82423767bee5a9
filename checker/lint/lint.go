// Package lint runs a check over the inputs a user names: it expands
// directories, finds each file's config, reads the file, runs the engine and
// hands each result on as soon as it is ready, so memory stays proportional
// to one file.
package lint

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/doc"
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
	// Warn, if set, is told the warnings of each config as it is loaded.
	Warn func(error)
}

// Linter checks files. It caches one engine per config file.
type Linter struct {
	opts    Options
	engines map[string]*loaded
}

type loaded struct {
	set     *rules.Set
	engine  *checker.Engine
	cfg     *rules.Config
	ignores *suppress.Ignores // the config's ignore list, nil if none
	err     error
}

// New returns a Linter.
func New(opts Options) *Linter {
	if opts.StdinName == "" {
		opts.StdinName = "<stdin>"
	}
	return &Linter{opts: opts, engines: map[string]*loaded{}}
}

// ConfigError is a bad config or pack: the whole run stops with exit code 2.
type ConfigError struct {
	Path string // the config file that applies, "" for the defaults
	Err  error
}

func (e *ConfigError) Error() string { return e.Err.Error() }
func (e *ConfigError) Unwrap() error { return e.Err }

// Run checks every input and calls emit with each file's result, in order.
// Directories are walked for the formats fzlint reads. A config or pack error
// stops the run and is returned as a *ConfigError.
func (l *Linter) Run(inputs []string, emit func(checker.FileResult)) error {
	for _, in := range inputs {
		if in == "-" {
			r, err := l.checkStdin()
			if err != nil {
				return err
			}
			emit(r)
			continue
		}
		var walkErr error
		skip := newWalkFilter(in)
		doc.Walk(in, func(path string, err error) {
			if walkErr != nil {
				return
			}
			if path != in && (l.excluded(path) || skip(path)) {
				return
			}
			if err != nil {
				emit(errorResult(path, err))
				return
			}
			r, cerr := l.CheckFile(path)
			if cerr != nil {
				walkErr = cerr
				return
			}
			emit(r)
		})
		if walkErr != nil {
			return walkErr
		}
	}
	l.emitUnusedIgnores(emit)
	return nil
}

// Set returns the rule set that applies to path (for `fzlint rules`).
func (l *Linter) Set(path string) (*rules.Set, error) {
	ld := l.engineFor(path)
	return ld.set, ld.err
}

// CheckFile reads and checks one file.
func (l *Linter) CheckFile(path string) (checker.FileResult, error) {
	ld := l.engineFor(path)
	if ld.err != nil {
		return checker.FileResult{}, ld.err
	}
	d, err := doc.Read(path, doc.Options{Encoding: l.opts.Encoding})
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
	r := checker.FileResult{Path: d.Path, Format: string(d.Format), Encoding: d.Encoding,
		Findings: ld.engine.Check(d), Doc: d}
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

// engineFor returns the engine for the config that applies to path.
func (l *Linter) engineFor(path string) *loaded {
	cfgPath := l.opts.Config
	if cfgPath == "" && !l.opts.NoConfig {
		dir := path
		if filepath.Ext(path) != "" || path == l.opts.StdinName {
			dir = filepath.Dir(path)
		}
		cfgPath = rules.FindConfig(dir)
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
	set, err := rules.Load(rules.Options{Kinds: checker.Kinds(), Config: ld.cfg})
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
	rel, err := filepath.Rel(filepath.Dir(ld.cfg.Path), abs)
	if err != nil {
		return false
	}
	rel = filepath.ToSlash(rel)
	for _, pat := range ld.cfg.Exclude {
		if matchGlob(pat, rel) {
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
