package main

// The embedded PostgreSQL: initdb once, then postgres on a Unix socket inside the data directory
// (no TCP port, so it never meets a system PostgreSQL). Who it runs as: pguser.go.

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"
)

type pgOptions struct {
	binDir  string
	dataDir string
	fsync   bool
}

type pgServer struct {
	cmd       *exec.Cmd
	socketDir string
	exited    chan struct{}
	waitErr   error
}

// URL is the connection URL FerretDB (and the Node side) use: user postgres over the Unix socket.
func (s *pgServer) URL() string {
	return "postgres://postgres@/postgres?host=" + url.QueryEscape(s.socketDir)
}

// initCluster runs initdb into a temporary directory and renames it into place, so a crash in the
// middle never leaves half a cluster behind.
func initCluster(o pgOptions, who asUser) error {
	if _, err := os.Stat(filepath.Join(o.dataDir, "PG_VERSION")); err == nil {
		return nil
	}
	parent := filepath.Dir(o.dataDir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, ".initdb-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if err := os.Chmod(tmp, 0o700); err != nil {
		return err
	}
	if err := who.chownTree(tmp); err != nil {
		return err
	}
	cmd := exec.Command(filepath.Join(o.binDir, "initdb"), "-D", tmp, "-U", "postgres", "--auth=trust",
		"-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions")
	cmd.SysProcAttr = who.attrs()
	cmd.SysProcAttr.Pdeathsig = 0
	out, err := runLocked(cmd)
	if err != nil {
		return fmt.Errorf("initdb failed: %v\n%s", err, out)
	}
	if err := os.RemoveAll(o.dataDir); err != nil { // only an empty leftover can be here
		return err
	}
	return os.Rename(tmp, o.dataDir)
}

// clearStalePid removes the lock files a crashed postgres left; it refuses when one still runs.
func clearStalePid(dataDir, socketDir string) error {
	b, err := os.ReadFile(filepath.Join(dataDir, "postmaster.pid"))
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	pid, _ := strconv.Atoi(strings.TrimSpace(strings.SplitN(string(b), "\n", 2)[0]))
	// A postgres whose helper was killed gets SIGINT (Pdeathsig) and may still be shutting down.
	for deadline := time.Now().Add(15 * time.Second); pid > 0 && isPostgres(pid); time.Sleep(100 * time.Millisecond) {
		if time.Now().After(deadline) {
			return fmt.Errorf("PostgreSQL (pid %d) is already running on %s", pid, dataDir)
		}
	}
	if _, err := os.Stat(filepath.Join(dataDir, "postmaster.pid")); errors.Is(err, os.ErrNotExist) {
		return nil // it shut down cleanly meanwhile
	}
	_ = os.Remove(filepath.Join(socketDir, ".s.PGSQL.5432.lock"))
	_ = os.Remove(filepath.Join(socketDir, ".s.PGSQL.5432"))
	return os.Remove(filepath.Join(dataDir, "postmaster.pid"))
}

func isPostgres(pid int) bool {
	comm, err := os.ReadFile(fmt.Sprintf("/proc/%d/comm", pid))
	return err == nil && strings.HasPrefix(string(comm), "postgres")
}

// socketDirFor is <data>/run, or a fresh temporary directory when that path is too long for a socket.
func socketDirFor(dataDir string) (string, error) {
	dir := filepath.Join(dataDir, "run")
	if len(dir)+len("/.s.PGSQL.5432") < 100 {
		return dir, os.MkdirAll(dir, 0o700)
	}
	return os.MkdirTemp("", "chatcrm-pg-")
}

func startPostgres(o pgOptions) (*pgServer, error) {
	abs, err := filepath.Abs(o.dataDir)
	if err != nil {
		return nil, err
	}
	o.dataDir = abs
	who := pickUser(o.dataDir)
	if err := initCluster(o, who); err != nil {
		return nil, err
	}
	sock, err := socketDirFor(o.dataDir)
	if err != nil {
		return nil, err
	}
	if err := clearStalePid(o.dataDir, sock); err != nil {
		return nil, err
	}
	if err := who.chownTree(o.dataDir); err != nil {
		return nil, err
	}
	if err := who.chownTree(sock); err != nil {
		return nil, err
	}
	args := []string{"-D", o.dataDir, "-c", "listen_addresses=", "-c", "unix_socket_directories=" + sock,
		"-c", "max_connections=50", "-c", "shared_buffers=32MB", "-c", "log_min_messages=log",
		"-c", "log_checkpoints=off", "-c", "plan_cache_mode=force_custom_plan"}
	if !o.fsync {
		args = append(args, "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off")
	}
	cmd := exec.Command(filepath.Join(o.binDir, "postgres"), args...)
	cmd.SysProcAttr = who.attrs()
	s := &pgServer{cmd: cmd, socketDir: sock, exited: make(chan struct{})}
	return s, s.run()
}

// run starts postgres from a locked thread and waits for "ready to accept connections".
func (s *pgServer) run() error {
	stderr, err := s.cmd.StderrPipe()
	if err != nil {
		return err
	}
	s.cmd.Stdout = os.Stderr
	started := make(chan error, 1)
	go func() {
		runtime.LockOSThread() // the thread must outlive postgres for Pdeathsig
		defer runtime.UnlockOSThread()
		if err := s.cmd.Start(); err != nil {
			started <- err
			return
		}
		started <- nil
		s.waitErr = s.cmd.Wait()
		close(s.exited)
	}()
	if err := <-started; err != nil {
		return err
	}
	ready := make(chan struct{})
	tail := make(chan string, 200)
	go func() {
		sc := bufio.NewScanner(stderr)
		isReady := false
		for sc.Scan() {
			line := sc.Text()
			if isReady {
				if !strings.Contains(line, " LOG: ") { // keep warnings and failures, drop the chatter
					fmt.Fprintln(os.Stderr, "postgres: "+line)
				}
				continue
			}
			select {
			case tail <- line:
			default:
			}
			if strings.Contains(line, "ready to accept connections") {
				isReady = true
				close(ready)
			}
		}
		_, _ = io.Copy(io.Discard, stderr)
	}()
	select {
	case <-ready:
		return nil
	case <-s.exited:
		time.Sleep(50 * time.Millisecond) // let the last lines arrive
		var lines []string
		for len(tail) > 0 {
			lines = append(lines, <-tail)
		}
		return fmt.Errorf("postgres exited (%v):\n%s", s.waitErr, strings.Join(lines, "\n"))
	case <-time.After(60 * time.Second):
		s.stop()
		return errors.New("postgres did not become ready within 60 s")
	}
}

// stop asks for a fast shutdown (SIGINT) and waits; SIGQUIT after 15 s.
func (s *pgServer) stop() {
	if s.cmd.Process == nil {
		return
	}
	_ = s.cmd.Process.Signal(syscall.SIGINT)
	select {
	case <-s.exited:
	case <-time.After(15 * time.Second):
		_ = s.cmd.Process.Signal(syscall.SIGQUIT)
		<-s.exited
	}
}
