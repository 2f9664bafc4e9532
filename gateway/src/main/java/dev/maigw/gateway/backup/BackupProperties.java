package dev.maigw.gateway.backup;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Backup settings.
 *
 * @param dir {@code maigw.backup.dir} ({@code MAIGW_BACKUP_DIR}), default empty = {@code
 *     <MAIGW_DATA_DIR>/backups}: the only directory {@code POST /api/backup} writes to. Created
 *     owner-only (0700) when missing. Put it on another disk than the data directory to survive the
 *     loss of that disk.
 */
@ConfigurationProperties("maigw.backup")
record BackupProperties(Path dir) {}
