package deploy_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const (
	image    = "sagasu"          // the README's tag: the test builds it as the README does
	maxSize  = 100_000_000       // the "at most 100 MB"
	memLimit = 2 << 30           // the containers' memory limit, from which serve derives GOMEMLIMIT
	stopMax  = 10 * time.Second  // docker stop's grace period: a clean stop must come before it
	waitMax  = 150 * time.Second // the health check's start period (120 s) and more
	cmdMax   = 2 * time.Minute   // any docker command but the build
	buildMax = 20 * time.Minute  // the image build, from scratch
	writeKey = "docker-test-write-key-0123456789"
)

// needDocker skips the test unless SAGASU_DOCKER_TEST=1 and a Docker
// daemon answers.
func needDocker(t *testing.T) {
	t.Helper()
	if os.Getenv("SAGASU_DOCKER_TEST") != "1" {
		t.Skip("the Docker image test runs only with SAGASU_DOCKER_TEST=1 (it builds the image and takes minutes)")
	}
	if _, err := exec.LookPath("docker"); err != nil {
		t.Skip("no docker command: the Docker image test needs Docker Engine")
	}
	if out, err := exec.Command("docker", "version", "--format", "{{.Server.Version}}").CombinedOutput(); err != nil {
		t.Skipf("the Docker daemon does not answer: %v: %s", err, bytes.TrimSpace(out))
	}
}

// docker runs the docker command with args and returns its trimmed
// standard output, failing the test when it fails.
func docker(t *testing.T, args ...string) string {
	t.Helper()
	out, err := dockerErr(cmdMax, "", args...)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// dockerErr runs the docker command with args in dir (the current folder
// when empty) and returns its trimmed standard output.
func dockerErr(timeout time.Duration, dir string, args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "docker", args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("docker %s: %w\n%s", strings.Join(args, " "), err, tail(stderr.String()+stdout.String(), 40))
	}
	return strings.TrimSpace(stdout.String()), nil
}

// tail returns the last n lines of s.
func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// unique returns prefix with a random suffix, for names of containers,
// volumes and compose projects that no other run uses.
func unique(prefix string) string {
	b := make([]byte, 4)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return prefix + hex.EncodeToString(b)
}

// inspect returns a field of a container or image by a Go template.
func inspect(t *testing.T, name, format string) string {
	t.Helper()
	return docker(t, "inspect", "-f", format, name)
}

// waitHealthy waits for the container's health check to report healthy and
// returns the server's base URL on the published loopback port.
func waitHealthy(t *testing.T, name string) string {
	t.Helper()
	deadline := time.Now().Add(waitMax)
	for {
		state := inspect(t, name, "{{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{end}}")
		switch {
		case state == "running healthy":
			port := strings.SplitN(docker(t, "port", name, "8080/tcp"), "\n", 2)[0]
			return "http://" + port
		case !strings.HasPrefix(state, "running") && !strings.HasPrefix(state, "restarting"),
			time.Now().After(deadline):
			t.Fatalf("container %s is %q, not healthy; its log:\n%s", name, state, logs(t, name))
		}
		time.Sleep(time.Second)
	}
}

// logs returns the end of a container's log.
func logs(t *testing.T, name string) string {
	t.Helper()
	out, err := exec.Command("docker", "logs", "--tail", "40", name).CombinedOutput()
	if err != nil {
		return fmt.Sprintf("(docker logs: %v)", err)
	}
	return string(out)
}

// request sends a request with an optional key and body and returns the
// status and the answer.
func request(t *testing.T, method, url, key, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	client := &http.Client{Timeout: 30 * time.Second}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: read the answer: %v", method, url, err)
	}
	return resp.StatusCode, string(b)
}

// searchIDs searches the server for q and returns the ids of the hits.
func searchIDs(t *testing.T, base, q string) []string {
	t.Helper()
	status, body := request(t, http.MethodGet, base+"/api/v1/search?q="+q, "", "")
	if status != http.StatusOK {
		t.Fatalf("search %q: %d %s", q, status, body)
	}
	var res struct {
		Hits []struct {
			ID string `json:"id"`
		} `json:"hits"`
	}
	if err := json.Unmarshal([]byte(body), &res); err != nil {
		t.Fatalf("search %q: %v: %s", q, err, body)
	}
	ids := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		ids[i] = h.ID
	}
	return ids
}

// write posts an article whose body names word and checks it is accepted.
func write(t *testing.T, base, key, id, word string) {
	t.Helper()
	article := fmt.Sprintf(`{"id":%q,"title":"Docker test %s","body":"The %s was written by the Docker test.","published":"2025-01-02","lang":"en"}`, id, word, word)
	if status, body := request(t, http.MethodPost, base+"/api/v1/articles", key, article); status/100 != 2 {
		t.Fatalf("POST %s with the key: %d %s", id, status, body)
	}
}

// mustFind fails unless a search for word finds the article id.
func mustFind(t *testing.T, base, word, id string) {
	t.Helper()
	ids := searchIDs(t, base, word)
	for _, got := range ids {
		if got == id {
			return
		}
	}
	t.Fatalf("search %q found %q, not %s", word, ids, id)
}

// stopTimed stops a container as docker stop does (SIGTERM, then SIGKILL
// after the grace period) and checks it exits 0 before the grace ends.
func stopTimed(t *testing.T, name string) time.Duration {
	t.Helper()
	start := time.Now()
	docker(t, "stop", "-t", "10", name)
	took := time.Since(start)
	code := inspect(t, name, "{{.State.ExitCode}}")
	t.Logf("docker stop %s: %v, exit code %s", name, took.Round(10*time.Millisecond), code)
	if code != "0" {
		t.Errorf("exit code %s after SIGTERM, want 0; log:\n%s", code, logs(t, name))
	}
	if took >= stopMax {
		t.Errorf("docker stop took %v, want under %v (SIGTERM must stop it, not SIGKILL)", took, stopMax)
	}
	if !strings.Contains(logs(t, name), "stopped serving") {
		t.Errorf("the log does not show a drained shutdown:\n%s", logs(t, name))
	}
	return took
}

// repoRoot is the build context: the repository holding this folder.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// composeCommand returns the Compose command this machine has: the v2
// plugin ("docker compose") or the v1 program ("docker-compose"), and
// skips the test when it has neither.
func composeCommand(t *testing.T) []string {
	t.Helper()
	if exec.Command("docker", "compose", "version").Run() == nil {
		return []string{"docker", "compose"}
	}
	if _, err := exec.LookPath("docker-compose"); err == nil {
		return []string{"docker-compose"}
	}
	t.Skip("neither docker compose nor docker-compose is installed (apt-get install docker-compose)")
	return nil
}

// cmdError is a failed compose command with the end of its output.
type cmdError struct {
	args   []string
	err    error
	output string
}

func (e *cmdError) Error() string {
	return fmt.Sprintf("compose %s: %v\n%s", strings.Join(e.args, " "), e.err, e.output)
}
