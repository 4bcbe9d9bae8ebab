// Command newsgraph builds knowledge graphs from news articles.
//
// Usage:
//
//	newsgraph <command> [flags] [arguments]
//
// Run `newsgraph help` for the list of commands and `newsgraph <command>
// --help` for one command's flags and an example.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime/pprof"
	"strings"
	"syscall"

	"github.com/newsgraph/newsgraph/graph/store"
	"github.com/newsgraph/newsgraph/graph/vocab"
)

// env is what a command runs with: its output streams and logger.
type env struct {
	stdout, stderr io.Writer
	log            *slog.Logger
}

// command is one subcommand of newsgraph.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, e *env, args []string) error
}

func commands() []command {
	return []command{
		{"ingest", "extract facts from articles and store them in the graph", runIngest},
		{"extract", "extract facts from articles and print them as N-Quads", runExtract},
		{"query", "run a Gizmo query on the graph, print JSON", runQuery},
		{"export", "write the graph as N-Quads, N-Triples, Turtle, TriG, JSON-LD, GraphML, DOT or CSV", runExport},
		{"import", "load N-Quads or JSON-LD files into the graph", runImport},
		{"oie", "open information extraction in CaRB's tabbed format", runOIE},
		{"parse", "run the NLP pipeline on text files and print CoNLL-U", runParse},
		{"bench", "write a synthetic news corpus for benchmarks (bench gen)", runBench},
		{"train", "rebuild the shipped models from the treebanks in ../shared/data", runTrain},
		{"eval", "score the pipeline (eval ud FILE.conllu, eval carb --gold G S)", runEval},
		{"serve", "serve the graph over HTTP: query API and browser explorer", runServe},
	}
}

// errUsage marks a wrong invocation; the flag set has already said why.
var errUsage = errors.New("usage")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

// run executes one command line and returns the process's exit status:
// 0 on success, 1 when the command failed, 2 for a wrong invocation.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	level := slog.LevelInfo
	if os.Getenv("NEWSGRAPH_DEBUG") != "" {
		level = slog.LevelDebug
	}
	e := &env{stdout: stdout, stderr: stderr, log: slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		stopProfile, err := startProfile(os.Getenv("NEWSGRAPH_CPUPROFILE"))
		if err == nil {
			err = c.run(ctx, e, args[1:])
			stopProfile()
		}
		switch {
		case err == nil:
			return 0
		case errors.Is(err, flag.ErrHelp):
			return 0
		case errors.Is(err, errUsage):
			return 2
		}
		fmt.Fprintf(stderr, "newsgraph %s: %s\n", c.name, oneLine(err))
		return 1
	}
	fmt.Fprintf(stderr, "newsgraph: unknown command %q (run `newsgraph help`)\n", args[0])
	return 2
}

// startProfile writes a CPU profile of the command to path, when one is
// given (NEWSGRAPH_CPUPROFILE), for `go tool pprof`: the way to see where a
// long ingest or import spends its time. The returned function ends it.
func startProfile(path string) (stop func(), err error) {
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("cpu profile %s: %w", path, err)
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "newsgraph builds knowledge graphs from news articles.")
	fmt.Fprintln(w, "\nUsage: newsgraph <command> [flags] [arguments]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun `newsgraph <command> --help` for a command's flags and an example.")
}

// oneLine keeps an error message to one line, as the exit message must be.
func oneLine(err error) string {
	return strings.Join(strings.Fields(err.Error()), " ")
}

// newFlags returns a flag set whose --help prints the command's description
// and example before its flags.
func newFlags(e *env, name, synopsis, description, example string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: newsgraph %s %s\n\n%s\n\nExample:\n  %s\n", name, synopsis, description, example)
		hasFlags := false
		fs.VisitAll(func(*flag.Flag) { hasFlags = true })
		if hasFlags {
			fmt.Fprintln(e.stderr, "\nFlags:")
			fs.PrintDefaults()
		}
	}
	return fs
}

// Flags most commands share, with one wording.

// storeFlag defines --db, the store a command reads or writes.
func storeFlag(fs *flag.FlagSet) *string {
	return fs.String("db", store.DefaultPath, "the store: a bbolt `FILE` (created if absent), a postgres:// URL, or memory: for a throwaway one")
}

// baseFlag defines --base, the base IRI of the graph's own IRIs.
func baseFlag(fs *flag.FlagSet) *string {
	return fs.String("base", vocab.DefaultBase, "base `IRI` of the graph's own IRIs (entity:, rel:, ns:, article:), as the graph was built with")
}

// modelsFlag defines --models, a directory of models to use instead of
// the embedded ones.
func modelsFlag(fs *flag.FlagSet) *string {
	return fs.String("models", "", "load models from `DIR` instead of the embedded ones")
}

// parseFlags parses args, turning a flag error into errUsage.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	return nil
}
