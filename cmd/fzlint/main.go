// Command fzlint checks drafts of 法治政府建设年度报告 against the reporting
// requirements and prints located findings.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/fzlint/fzlint/checker/lint"
	"github.com/fzlint/fzlint/rules"
	"github.com/spf13/cobra"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

// Exit codes (DESIGN.md): 0 clean, 1 findings at or above --fail-level,
// 2 usage, config or pack error, or an input that could not be checked.
const (
	exitClean    = 0
	exitFindings = 1
	exitTrouble  = 2
)

// exitError ends the run with a code; its message, if any, was already printed
// or is printed by main.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.err.Error()
}

// streams are where a command reads and writes, so tests can capture them.
type streams struct {
	in       io.Reader
	out, err io.Writer
	outFile  *os.File // for TTY detection; nil when out is not a file
	errFile  *os.File // likewise for err (the progress line)
}

func main() {
	tuneGC()
	startLoading(os.Args[1:])
	s := &streams{in: os.Stdin, out: os.Stdout, err: os.Stderr, outFile: os.Stdout, errFile: os.Stderr}
	os.Exit(run(os.Args[1:], s))
}

// tuneGC lets a short run finish without collecting: most runs check a few
// files and exit, and a collection costs them more than the memory it frees.
// At GOGC=400 the first collection comes when the heap reaches 16 MB (a run
// over one report allocates about 4 MB), and a long run (many files, the
// language server) holds at most five times its live memory, most of it
// pages already faulted in. Every printer streams, so the live memory of a
// run is one file's. No memory limit: a limit that a run's live memory comes
// near (a 64 MB limit and a JSON run over a thousand reports, when the JSON
// printer held every finding) makes the collector run without pause. GOGC and
// GOMEMLIMIT set by the user win.
func tuneGC() {
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetGCPercent(400)
	}
}

// preparsed are the embedded packs being parsed since the start of a run of
// a command that checks reports (startLoading); its linter's Load takes them.
var preparsed *rules.Preparsed

// startLoading starts parsing the embedded packs, on other goroutines, at the
// start of a run of a command that checks reports, with the heap readied for
// them (prepareHeap): building the commands, reading the flags, finding the
// config and walking the inputs then overlap with parsing on the second core
// (0.8–1.2 ms of a one-file check came before its Load). Started from a
// package's initialisation instead, parsing touched fresh heap in small
// pages (180–800 more page faults, 8 ms more processor time).
func startLoading(args []string) {
	if len(args) == 0 || !slices.Contains([]string{"check", "outline", "annotate", "checklist"}, args[0]) {
		return
	}
	prepareHeap()
	preparsed = lint.Preparse()
}

// run executes the command line and returns the exit code.
func run(args []string, s *streams) int {
	root := rootFor(args, s)
	root.SetArgs(args)
	cmd, err := root.ExecuteC()
	var ee *exitError
	switch {
	case err == nil:
		return exitClean
	case errors.As(err, &ee):
		if ee.err != nil {
			// One line each for the errors of a config and its packs.
			for _, line := range strings.Split(ee.err.Error(), "\n") {
				fmt.Fprintln(s.err, "fzlint:", line)
			}
		}
		return ee.code
	default:
		// cobra's own usage errors: unknown flag or command, bad arguments.
		fmt.Fprintln(s.err, "fzlint:", usageError(cmd, err))
		return exitTrouble
	}
}

// commands are fzlint's commands, each with its name (its Use's first word)
// and what makes it.
var commands = []struct {
	name string
	make func(*streams) *cobra.Command
}{
	{"check", newCheckCmd}, {"outline", newOutlineCmd}, {"rules", newRulesCmd}, {"explain", newExplainCmd},
	{"test", newTestCmd}, {"init", newInitCmd}, {"version", newVersionCmd}, {"lsp", newLSPCmd},
	{"checklist", newChecklistCmd}, {"annotate", newAnnotateCmd}, {"serve", newServeCmd},
}

// rootFor makes the root command for a run with args. A run of one of
// fzlint's commands (its name first) gets a root with that command alone,
// and without cobra's hidden completion command, which cobra otherwise
// builds as it executes: making every command and its flags was about a
// millisecond of a one-file check, and no run of a command reaches the
// others. Any other run (help, completion, a usage error) gets them all.
func rootFor(args []string, s *streams) *cobra.Command {
	for _, c := range commands {
		if len(args) > 0 && args[0] == c.name {
			root := newRoot(s)
			root.AddCommand(c.make(s))
			root.CompletionOptions.DisableDefaultCmd = true
			return root
		}
	}
	return newRootCmd(s)
}

// newRootCmd makes the root command with every command.
func newRootCmd(s *streams) *cobra.Command {
	root := newRoot(s)
	for _, c := range commands {
		root.AddCommand(c.make(s))
	}
	return root
}

// newRoot makes the root command without its commands.
func newRoot(s *streams) *cobra.Command {
	root := &cobra.Command{
		Use:   "fzlint",
		Short: "法治政府建设年度报告检查工具",
		Long: "fzlint 检查法治政府建设年度报告草稿是否符合《法治政府建设与责任落实督察工作规定》、\n" +
			"GB/T 9704—2012 公文格式和中文排版规范，输出带位置的检查结果。",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(s.in)
	root.SetOut(s.out)
	root.SetErr(s.err)
	chineseHelp(root)
	return root
}

func newVersionCmd(s *streams) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "显示版本",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			fmt.Fprintln(s.out, "fzlint", version)
			return nil
		},
	}
}
