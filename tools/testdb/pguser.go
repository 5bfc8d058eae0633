package main

// Who PostgreSQL runs as. It refuses to run as root; as root it runs in a user namespace where it
// is uid 1 (its files stay owned by root outside), or as nobody where user namespaces are not
// allowed (CHATCRM_PG_NO_USERNS=1 forces that, to test it). A cluster owned by another user keeps
// running as that user.

import (
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"runtime"
	"strconv"
	"syscall"
)

// asUser says how PostgreSQL's processes run: as this user, in a user namespace, or as nobody.
type asUser struct {
	userns bool
	uid    int
	gid    int
}

func pickUser(dataDir string) asUser {
	if os.Geteuid() != 0 {
		return asUser{uid: -1}
	}
	// A cluster made by the nobody fallback (or handed to a user) keeps running as its owner.
	if fi, err := os.Stat(dataDir); err == nil {
		if st, ok := fi.Sys().(*syscall.Stat_t); ok && st.Uid != 0 {
			return asUser{uid: int(st.Uid), gid: int(st.Gid)}
		}
	}
	if os.Getenv("CHATCRM_PG_NO_USERNS") == "" && userNamespacesWork() {
		return asUser{userns: true, uid: -1}
	}
	u, err := user.Lookup("nobody")
	if err != nil {
		fatalf("PostgreSQL cannot run as root, user namespaces are not allowed and there is no user nobody: %v", err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	return asUser{uid: uid, gid: gid}
}

func (a asUser) attrs() *syscall.SysProcAttr {
	// Pdeathsig: if this helper dies, postgres gets SIGINT (fast shutdown) instead of living on.
	attr := &syscall.SysProcAttr{Pdeathsig: syscall.SIGINT, Setpgid: true}
	if a.userns {
		attr.Cloneflags = syscall.CLONE_NEWUSER
		attr.UidMappings = []syscall.SysProcIDMap{{ContainerID: 1, HostID: 0, Size: 1}}
		attr.GidMappings = []syscall.SysProcIDMap{{ContainerID: 1, HostID: 0, Size: 1}}
		attr.GidMappingsEnableSetgroups = false
	} else if a.uid >= 0 {
		attr.Credential = &syscall.Credential{Uid: uint32(a.uid), Gid: uint32(a.gid)}
	}
	return attr
}

func userNamespacesWork() bool {
	cmd := exec.Command("/bin/true")
	cmd.SysProcAttr = asUser{userns: true}.attrs()
	cmd.SysProcAttr.Pdeathsig = 0
	return cmd.Run() == nil
}

// chownTree hands a directory to the nobody fallback user.
func (a asUser) chownTree(dir string) error {
	if a.userns || a.uid < 0 {
		return nil
	}
	return filepath.Walk(dir, func(p string, _ os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		return os.Lchown(p, a.uid, a.gid)
	})
}

// runLocked runs a command from a locked OS thread (Pdeathsig and user namespaces are per thread).
func runLocked(cmd *exec.Cmd) ([]byte, error) {
	type result struct {
		out []byte
		err error
	}
	ch := make(chan result, 1)
	go func() {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		out, err := cmd.CombinedOutput()
		ch <- result{out, err}
	}()
	r := <-ch
	return r.out, r.err
}
