// Package natstest starts real nats-server processes with JetStream, in a
// cluster on 127.0.0.1, for the tests of the cluster and of serve
// --cluster. It is test support: no product code imports it.
package natstest

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Cluster is a cluster of real nats-server processes with JetStream.
type Cluster struct {
	// URLs are the servers' client URLs.
	URLs  []string
	t     testing.TB
	args  [][]string
	procs []*exec.Cmd
}

// Start starts n clustered nats-server processes, stopped when the test
// ends, and waits until JetStream answers. It skips the test when
// nats-server is not installed.
func Start(t testing.TB, n int) *Cluster {
	t.Helper()
	bin, err := exec.LookPath("nats-server")
	if err != nil {
		t.Skip("nats-server is not installed (Debian: apt-get install nats-server): the cluster tests need real NATS servers")
	}
	c := &Cluster{t: t, procs: make([]*exec.Cmd, n)}
	client, route := freePorts(t, n), freePorts(t, n)
	var routes []string
	for i := range n {
		routes = append(routes, fmt.Sprintf("nats://127.0.0.1:%d", route[i]))
	}
	dir := t.TempDir()
	for i := range n {
		c.URLs = append(c.URLs, fmt.Sprintf("nats://127.0.0.1:%d", client[i]))
		c.args = append(c.args, []string{bin, "-a", "127.0.0.1", "-p", fmt.Sprint(client[i]), "-js",
			"-sd", filepath.Join(dir, fmt.Sprintf("n%d", i)), "--server_name", fmt.Sprintf("n%d", i),
			"--cluster_name", "sagasu-test", "--cluster", routes[i], "--routes", strings.Join(routes, ",")})
		c.Restart(i)
	}
	t.Cleanup(func() {
		for i := range c.procs {
			c.Kill(i)
		}
	})
	c.waitReady()
	return c
}

// freePorts returns n TCP ports free on 127.0.0.1 a moment ago.
func freePorts(t testing.TB, n int) []int {
	t.Helper()
	var ports []int
	var lns []net.Listener
	for range n {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		lns = append(lns, ln)
		ports = append(ports, ln.Addr().(*net.TCPAddr).Port)
	}
	for _, ln := range lns {
		ln.Close()
	}
	return ports
}

// Restart starts server i again, on its port and storage, after Kill.
func (c *Cluster) Restart(i int) {
	cmd := exec.Command(c.args[i][0], c.args[i][1:]...)
	if testing.Verbose() && os.Getenv("SAGASU_NATS_LOG") != "" {
		cmd.Stderr = os.Stderr
	}
	if err := cmd.Start(); err != nil {
		c.t.Fatalf("start nats-server: %v", err)
	}
	c.procs[i] = cmd
}

// Kill kills server i at once (SIGKILL), as a crash would.
func (c *Cluster) Kill(i int) {
	if p := c.procs[i]; p != nil {
		p.Process.Kill()
		p.Wait()
		c.procs[i] = nil
	}
}

// waitReady waits until JetStream has a meta leader and answers.
func (c *Cluster) waitReady() {
	c.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if err := c.ping(); err == nil {
			return
		}
		time.Sleep(200 * time.Millisecond)
	}
	c.t.Fatalf("JetStream did not become ready: %v", c.ping())
}

// ping asks JetStream for the account's information.
func (c *Cluster) ping() error {
	nc, err := nats.Connect(strings.Join(c.URLs, ","), nats.Timeout(time.Second))
	if err != nil {
		return err
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	_, err = js.AccountInfo(ctx)
	return err
}
