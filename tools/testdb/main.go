// Command testdb embeds FerretDB 1.24 (a MongoDB wire-protocol server) so tests and
// `npm start` get a real MongoDB-protocol database on machines without mongod.
// It prints the mongodb:// URI as the first line of output and runs until SIGINT/SIGTERM.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:0", "TCP address to listen on (port 0 picks a free port)")
	handler := flag.String("handler", "sqlite", "backend: sqlite or postgresql")
	dataDir := flag.String("data", "./data/ferretdb", "SQLite data directory")
	stdinEOF := flag.Bool("exit-on-stdin-eof", false, "stop when stdin closes (so a parent that dies takes the server with it)")
	pgURL := flag.String("postgresql-url", "postgres://postgres@127.0.0.1:5432/postgres", "PostgreSQL URL for the postgresql handler")
	flag.Parse()

	cfg := ferretdb.Config{
		Listener: ferretdb.ListenerConfig{TCP: *listen},
		Handler:  *handler,
	}
	switch *handler {
	case "sqlite":
		abs, err := filepath.Abs(*dataDir)
		if err != nil {
			log.Fatal(err)
		}
		if err := os.MkdirAll(abs, 0o755); err != nil {
			log.Fatal(err)
		}
		cfg.SQLiteURL = "file:" + abs + "/"
	case "postgresql":
		cfg.PostgreSQLURL = *pgURL
	default:
		log.Fatalf("unknown handler %q", *handler)
	}

	f, err := ferretdb.New(&cfg)
	if err != nil {
		log.Fatal(err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	if *stdinEOF {
		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			stop()
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
			break
		}
		if time.Now().After(deadline) {
			log.Fatal("FerretDB did not start listening within 30s")
		}
		time.Sleep(20 * time.Millisecond)
	}
	<-done
}

func hasZeroPort(uri string) bool {
	return strings.Contains(uri, ":0/") || strings.Contains(uri, ":0?")
}
