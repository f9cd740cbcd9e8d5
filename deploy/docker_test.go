// Package deploy_test checks Sagasu's Docker deployment end to end: it
// builds the image with the README's command, runs it, searches, writes
// with a key, restarts, checks that the index survives on its volume, that
// the server runs as non-root and read-only, that SIGTERM stops it cleanly
// in time, and that deploy/compose.yaml gives a working server.
//
// It needs a Docker daemon (and, with no registry, deploy/docker-bases.sh
// run first) and takes minutes, so it runs only with SAGASU_DOCKER_TEST=1:
//
//	SAGASU_DOCKER_TEST=1 go test -count=1 -v -run TestDockerImage ./deploy/
package deploy_test

import (
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// step runs one check as a subtest and stops the test at its failure: the
// checks build on each other (one container, one volume).
func step(t *testing.T, name string, f func(t *testing.T)) {
	t.Helper()
	if !t.Run(name, f) {
		t.FailNow()
	}
}

// TestDockerImage is the acceptance test of the image.
func TestDockerImage(t *testing.T) {
	needDocker(t)
	vol, a, b := unique("sagasu-test-data-"), unique("sagasu-test-a-"), unique("sagasu-test-b-")
	t.Cleanup(func() {
		exec.Command("docker", "rm", "-f", "-v", a, b).Run()
		exec.Command("docker", "volume", "rm", vol).Run()
	})
	step(t, "build", func(t *testing.T) { build(t) })
	step(t, "size at most 100 MB", func(t *testing.T) {
		size, err := strconv.ParseInt(inspect(t, image, "{{.Size}}"), 10, 64)
		if err != nil || size > maxSize {
			t.Fatalf("image size %d (%v), want at most %d", size, err, maxSize)
		}
		t.Logf("image size %.1f MB", float64(size)/1e6)
	})
	step(t, "image user is not root", func(t *testing.T) {
		if u := inspect(t, image, "{{.Config.User}}"); u == "" || u == "0" || u == "root" || strings.HasPrefix(u, "0:") {
			t.Fatalf("image user %q: the server must not run as root", u)
		}
	})
	var base string
	step(t, "runs, turns healthy, searches the embedded seeds", func(t *testing.T) {
		docker(t, "run", "-d", "--name", a, "-m", strconv.Itoa(memLimit), "-v", vol+":/data",
			"-e", "SAGASU_API_KEY="+writeKey, "-p", "127.0.0.1::8080", image)
		base = waitHealthy(t, a)
		if ids := searchIDs(t, base, "Kishida"); len(ids) == 0 {
			t.Fatal("q=Kishida found nothing in the embedded seeds")
		}
	})
	step(t, "process runs as non-root", func(t *testing.T) { nonRootProcess(t, a) })
	step(t, "GOMEMLIMIT from the memory limit", func(t *testing.T) { memLimitLogged(t, a) })
	step(t, "writes need the key and are found", func(t *testing.T) {
		if status, _ := request(t, http.MethodPost, base+"/api/v1/articles", "", `{"title":"x","body":"y"}`); status != http.StatusUnauthorized {
			t.Errorf("POST without a key: %d, want 401", status)
		}
		write(t, base, writeKey, "docker-a1", "zyzzogeton")
		mustFind(t, base, "zyzzogeton", "docker-a1")
	})
	step(t, "nothing written outside the volume", func(t *testing.T) {
		if diff := docker(t, "diff", a); diff != "" {
			t.Fatalf("the container wrote to its own file system (it must work --read-only):\n%s", diff)
		}
	})
	step(t, "docker restart keeps the data", func(t *testing.T) {
		docker(t, "restart", "-t", "10", a)
		mustFind(t, waitHealthy(t, a), "zyzzogeton", "docker-a1")
	})
	step(t, "SIGTERM stops it cleanly in time", func(t *testing.T) { stopTimed(t, a) })
	step(t, "a new --read-only container on the volume", func(t *testing.T) {
		docker(t, "run", "-d", "--name", b, "--read-only", "--tmpfs", "/tmp", "-v", vol+":/data",
			"-e", "SAGASU_API_KEY="+writeKey, "-p", "127.0.0.1::8080", image)
		base = waitHealthy(t, b)
		mustFind(t, base, "zyzzogeton", "docker-a1")
		write(t, base, writeKey, "docker-b1", "quokka")
		mustFind(t, base, "quokka", "docker-b1")
	})
	step(t, "SIGTERM stops the read-only one cleanly in time", func(t *testing.T) { stopTimed(t, b) })
	step(t, "compose up gives a working server", testCompose)
}

// build builds the image as the README says, from the repository's root.
func build(t *testing.T) {
	start := time.Now()
	if _, err := dockerErr(buildMax, repoRoot(t), "build", "-t", image, "."); err != nil {
		t.Fatalf("%v\n(with no registry, run deploy/docker-bases.sh first)", err)
	}
	t.Logf("docker build -t %s .: %v", image, time.Since(start).Round(time.Second))
}

// nonRootProcess checks the uid of every process of a running container.
func nonRootProcess(t *testing.T, name string) {
	lines := strings.Split(docker(t, "top", name, "-o", "uid,pid,comm"), "\n")
	if len(lines) < 2 {
		t.Fatalf("docker top %s: no processes", name)
	}
	for _, l := range lines[1:] {
		if f := strings.Fields(l); len(f) > 0 && (f[0] == "0" || f[0] == "root") {
			t.Errorf("a process runs as root: %q", l)
		}
	}
}

// memLimitLogged checks that serve set GOMEMLIMIT to 90% of the memory
// limit the container was given.
func memLimitLogged(t *testing.T, name string) {
	want := []string{`"cgroup_memory_limit":` + strconv.Itoa(memLimit), `"gomemlimit":` + strconv.Itoa(memLimit*9/10)}
	l := logs(t, name)
	for _, w := range want {
		if !strings.Contains(l, w) {
			t.Errorf("the log lacks %s:\n%s", w, l)
		}
	}
}

// testCompose brings deploy/compose.yaml up under a project of its own,
// with a keys file of its own and any free port, and checks the server.
func testCompose(t *testing.T) {
	compose := composeCommand(t)
	project := unique("sagasu-test-")
	// The README's way: a copy of the example, readable by uid 65532 (0644
	// here; the file is bind-mounted as it is).
	example, err := os.ReadFile("api-keys.example")
	if err != nil {
		t.Fatal(err)
	}
	key := exampleWriteKey(t, string(example))
	keys := filepath.Join(t.TempDir(), "api-keys")
	if err := os.WriteFile(keys, example, 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) (string, error) {
		args = append(append(compose[1:len(compose):len(compose)], "-p", project, "-f", "compose.yaml"), args...)
		cmd := exec.Command(compose[0], args...)
		cmd.Env = append(os.Environ(), "SAGASU_PORT=", "SAGASU_API_KEYS_SECRET="+keys)
		out, err := cmd.CombinedOutput()
		if err != nil {
			return "", &cmdError{args, err, tail(string(out), 40)}
		}
		return strings.TrimSpace(string(out)), nil
	}
	t.Cleanup(func() {
		if _, err := run("down", "-v"); err != nil {
			t.Errorf("compose down: %v", err)
		}
	})
	if _, err := run("up", "-d"); err != nil {
		t.Fatal(err)
	}
	id, err := run("ps", "-q", "sagasu")
	if err != nil || id == "" {
		t.Fatalf("compose ps: %q, %v", id, err)
	}
	base := waitHealthy(t, id)
	if ids := searchIDs(t, base, "Kishida"); len(ids) == 0 {
		t.Fatal("q=Kishida found nothing in the embedded seeds")
	}
	write(t, base, key, "docker-c1", "pangolin")
	mustFind(t, base, "pangolin", "docker-c1")
	memLimitLogged(t, id)
	got := inspect(t, id, "{{.HostConfig.ReadonlyRootfs}} {{.HostConfig.RestartPolicy.Name}}")
	if got != "true unless-stopped" {
		t.Errorf("read-only root and restart policy: %q, want \"true unless-stopped\"", got)
	}
}

// exampleWriteKey returns the secret of the example keys file's write key.
func exampleWriteKey(t *testing.T, text string) string {
	for _, line := range strings.Split(text, "\n") {
		if secret, ok := strings.CutSuffix(strings.TrimSpace(line), " write"); ok && !strings.HasPrefix(secret, "#") {
			return secret
		}
	}
	t.Fatal("api-keys.example has no write key")
	return ""
}
