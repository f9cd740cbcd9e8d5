package cluster

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

// natsCluster is a cluster of real nats-server processes with JetStream,
// on 127.0.0.1, for the tests.
type natsCluster struct {
	t     *testing.T
	urls  []string
	args  [][]string
	procs []*exec.Cmd
}

// startNATS starts n clustered nats-server processes and waits until
// JetStream answers. It skips the test when nats-server is not installed.
func startNATS(t *testing.T, n int) *natsCluster {
	t.Helper()
	bin, err := exec.LookPath("nats-server")
	if err != nil {
		t.Skip("nats-server is not installed (Debian: apt-get install nats-server): the cluster tests need real NATS servers")
	}
	c := &natsCluster{t: t, procs: make([]*exec.Cmd, n)}
	client, route := freePorts(t, n), freePorts(t, n)
	var routes []string
	for i := range n {
		routes = append(routes, fmt.Sprintf("nats://127.0.0.1:%d", route[i]))
	}
	dir := t.TempDir()
	for i := range n {
		c.urls = append(c.urls, fmt.Sprintf("nats://127.0.0.1:%d", client[i]))
		c.args = append(c.args, []string{bin, "-a", "127.0.0.1", "-p", fmt.Sprint(client[i]), "-js",
			"-sd", filepath.Join(dir, fmt.Sprintf("n%d", i)), "--server_name", fmt.Sprintf("n%d", i),
			"--cluster_name", "sagasu-test", "--cluster", routes[i], "--routes", strings.Join(routes, ",")})
		c.start(i)
	}
	t.Cleanup(func() {
		for i := range c.procs {
			c.kill(i)
		}
	})
	c.waitReady()
	return c
}

// freePorts returns n TCP ports free on 127.0.0.1 a moment ago.
func freePorts(t *testing.T, n int) []int {
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

// start starts server i.
func (c *natsCluster) start(i int) {
	cmd := exec.Command(c.args[i][0], c.args[i][1:]...)
	if testing.Verbose() && os.Getenv("SAGASU_NATS_LOG") != "" {
		cmd.Stderr = os.Stderr
	}
	if err := cmd.Start(); err != nil {
		c.t.Fatalf("start nats-server: %v", err)
	}
	c.procs[i] = cmd
}

// kill kills server i at once (SIGKILL), as a crash would.
func (c *natsCluster) kill(i int) {
	if p := c.procs[i]; p != nil {
		p.Process.Kill()
		p.Wait()
		c.procs[i] = nil
	}
}

// waitReady waits until JetStream has a meta leader and answers.
func (c *natsCluster) waitReady() {
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
func (c *natsCluster) ping() error {
	nc, err := nats.Connect(strings.Join(c.urls, ","), nats.Timeout(time.Second))
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
