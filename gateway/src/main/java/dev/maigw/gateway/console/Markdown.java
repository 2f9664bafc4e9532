package dev.maigw.gateway.console;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.springframework.stereotype.Component;

/**
 * Renders a reply's Markdown to HTML that is safe to put into a page: raw HTML in the content is
 * escaped (shown as text, never parsed), link targets other than http, https and mailto are
 * dropped, links open without referrer or opener, and images are shown as links instead of being
 * loaded (a stored URL must not make the browser fetch from a foreign origin).
 */
@Component
class Markdown {

  private static final Set<Class<? extends Node>> IMAGES = Set.of(Image.class);

  private final Parser parser = Parser.builder().build();
  private final HtmlRenderer renderer =
      HtmlRenderer.builder()
          .escapeHtml(true)
          .sanitizeUrls(true)
          .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
          .attributeProviderFactory(
              context ->
                  (node, tagName, attributes) -> {
                    if (node instanceof Link) {
                      attributes.put("rel", "nofollow noopener noreferrer");
                    }
                  })
          .nodeRendererFactory(ImageAsLink::new)
          .build();

  /** HTML for {@code markdown}; the only console output that is not escaped text. */
  String toSafeHtml(String markdown) {
    return renderer.render(parser.parse(markdown == null ? "" : markdown));
  }

  /** An image becomes a plain link to it, labelled with its alt text. */
  private static final class ImageAsLink implements NodeRenderer {

    private final HtmlNodeRendererContext context;
    private final HtmlWriter html;

    ImageAsLink(HtmlNodeRendererContext context) {
      this.context = context;
      this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return IMAGES;
    }

    @Override
    public void render(Node node) {
      Image image = (Image) node;
      StringBuilder alt = new StringBuilder();
      for (Node child = image.getFirstChild(); child != null; child = child.getNext()) {
        if (child instanceof Text text) {
          alt.append(text.getLiteral());
        }
      }
      String url = context.urlSanitizer().sanitizeImageUrl(image.getDestination());
      String label = "image: " + (alt.isEmpty() ? image.getDestination() : alt);
      if (url.isEmpty()) {
        html.text(label);
        return;
      }
      html.tag(
          "a",
          context.extendAttributes(
              node, "a", Map.of("href", context.encodeUrl(url), "class", "image-link")));
      html.text(label);
      html.tag("/a");
    }
  }
}
