/**
 * Attachments and the fake object storage behind them: {@code upload-presigned-url/}, an S3-like
 * presigned POST endpoint under {@code /storage/} (204 on success, 400 when a field is missing or
 * {@code file} is not last), registration through {@code attachments/} and {@code
 * conversations/{id}/attachments/}, and the one-shot {@code attachments-upload/}.
 *
 * <p>Everything lives in memory; stored files are served back only to loopback clients.
 */
package dev.maigw.emulator.attachment;
