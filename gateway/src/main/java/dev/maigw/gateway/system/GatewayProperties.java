package dev.maigw.gateway.system;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Gateway-wide settings.
 *
 * @param dataDir {@code maigw.data-dir} ({@code MAIGW_DATA_DIR}), default {@code ./data}: holds the
 *     SQLite database and the generated API key.
 * @param apiKey {@code maigw.api-key} ({@code MAIGW_API_KEY}), default empty: the bearer key for
 *     {@code /api/**}; when empty one is generated at first start and kept in the data dir.
 */
@ConfigurationProperties("maigw")
public record GatewayProperties(@DefaultValue("./data") Path dataDir, String apiKey) {}
