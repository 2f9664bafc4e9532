/**
 * The web console for integrators at {@code /console/}: server-rendered pages (Thymeleaf, escaped
 * output) over the stores, signed in with the API key into a short in-memory session. Reads through
 * the stores and changes through the same components as the API routes; owns no tables. Every
 * stored field is untrusted and reaches the page only escaped, as text, or as Markdown rendered
 * without raw HTML and without unsafe links.
 */
package dev.maigw.gateway.console;
