package api

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/rs/zerolog"

	"github.com/sagasu-search/sagasu/indexer"
)

// backupName is what a backup's folder name may be: no path separators.
var backupName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$`)

// backupResult answers a successful backup.
type backupResult struct {
	Name     string  `json:"name"`
	Path     string  `json:"path"`
	Articles uint64  `json:"articles"`
	Bytes    int64   `json:"bytes"`
	TookMS   float64 `json:"took_ms"`
}

// handleBackup answers POST /api/v1/admin/backup: an online copy of the
// index into a new folder of cfg.BackupDir, named by the body's "name" or
// by the time. "sagasu serve --data <path>" opens the copy.
func handleBackup(dir string, ix *indexer.Index) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if dir == "" {
			writeError(w, r, http.StatusForbidden, codeBackupsDisabled, "backups are disabled: start the server with --backup-dir DIR (SAGASU_BACKUP_DIR)")
			return
		}
		var req struct {
			Name string `json:"name"`
		}
		if err := decodeJSON(r, 4<<10, &req); err != nil {
			writeError(w, r, http.StatusBadRequest, codeInvalidParameter, err.Error())
			return
		}
		if req.Name == "" {
			req.Name = "sagasu-" + time.Now().UTC().Format("20060102T150405.000Z")
		}
		if !backupName.MatchString(req.Name) {
			writeError(w, r, http.StatusBadRequest, codeInvalidParameter, `"name" must be 1-100 letters, digits, ".", "_" or "-", starting with a letter or digit`)
			return
		}
		start := time.Now()
		path := filepath.Join(dir, req.Name)
		if err := ix.Backup(r.Context(), path); err != nil {
			if strings.Contains(err.Error(), "already exists") {
				writeError(w, r, http.StatusConflict, codeConflict, fmt.Sprintf("a backup named %q exists; choose another name", req.Name))
				return
			}
			writeInternal(w, r, err)
			return
		}
		res := backupResult{Name: req.Name, Path: path, TookMS: float64(time.Since(start).Microseconds()) / 1000}
		res.Articles, _ = ix.Count(r.Context())
		res.Bytes, _ = indexer.FolderSize(r.Context(), path)
		zerolog.Ctx(r.Context()).Info().Str("backup", path).Uint64("articles", res.Articles).Msg("backed up")
		encode(w, r, http.StatusCreated, res)
	})
}

// decodeJSON decodes a small JSON object body into v, strictly; an empty
// body leaves v as it is.
func decodeJSON(r *http.Request, limit int64, v interface{}) error {
	body, err := io.ReadAll(io.LimitReader(r.Body, limit+1))
	if err != nil {
		return fmt.Errorf("read body: %w", err)
	}
	if int64(len(body)) > limit {
		return fmt.Errorf("the body is larger than %d bytes", limit)
	}
	if strings.TrimSpace(string(body)) == "" {
		return nil
	}
	dec := jsonDecoder(body)
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("the body is not the JSON object expected: %w", err)
	}
	if dec.More() {
		return errors.New("the body has data after its JSON object")
	}
	return nil
}
