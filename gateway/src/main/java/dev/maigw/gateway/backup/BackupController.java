package dev.maigw.gateway.backup;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/backup[?name=file.db]} (API key required): writes a consistent copy of the
 * SQLite store into the configured backup directory and answers 201 with where it is. The caller
 * chooses at most a plain file name, never a path, and an existing file is never overwritten (409
 * {@code backup_exists}). The request returns when the copy is on disk and checked.
 */
@RestController
class BackupController {

  private final SqliteBackup backup;

  BackupController(SqliteBackup backup) {
    this.backup = backup;
  }

  @PostMapping("/api/backup")
  @ResponseStatus(HttpStatus.CREATED)
  Backup create(@RequestParam(required = false) String name) {
    return backup.create(name);
  }
}
