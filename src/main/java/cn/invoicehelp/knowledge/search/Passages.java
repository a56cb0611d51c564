package cn.invoicehelp.knowledge.search;

import org.commonmark.node.Heading;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.renderer.text.TextContentRenderer;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts an article body into the passages a question can be answered with, as plain text in whole sentences: each
 * paragraph, each list item, and a short list together with the sentence that introduces it ("可以这样选择：").
 * Text under a heading carries the heading, so a passage still says what it is about.
 */
final class Passages {

    /** A lead-in and its list stay one passage up to this many characters; longer lists are cut into items. */
    static final int SHORT_LIST = 180;

    private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();

    private Passages() {
    }

    static List<String> of(Node document) {
        List<String> passages = new ArrayList<>();
        String heading = null;
        String leadIn = null;
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            if (block instanceof Heading) {
                heading = text(block);
                leadIn = null;
            } else if (block instanceof ListBlock list) {
                List<String> items = new ArrayList<>();
                for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                    if (item instanceof ListItem) {
                        List<String> parts = new ArrayList<>();
                        for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                            parts.add(text(child));
                        }
                        items.add(String.join("\n", parts).strip());
                    }
                }
                String whole = (leadIn == null ? "" : leadIn + "\n") + String.join("\n", items);
                if (leadIn != null && whole.length() <= SHORT_LIST) {
                    passages.add(withHeading(heading, whole));
                } else {
                    for (String item : items) {
                        passages.add(withHeading(heading, item));
                    }
                }
                leadIn = null;
            } else if (block instanceof Paragraph) {
                String text = text(block);
                boolean introducesList = text.endsWith("：") || text.endsWith(":");
                if (introducesList && block.getNext() instanceof ListBlock) {
                    leadIn = text;
                } else if (!text.isBlank()) {
                    passages.add(withHeading(heading, text));
                    leadIn = null;
                }
            }
        }
        return passages;
    }

    private static String withHeading(String heading, String text) {
        return heading == null ? text : heading + "：" + text;
    }

    /** Plain text of a block: Markdown emphasis gone, lines joined, list numbering kept out. */
    private static String text(Node block) {
        return TEXT.render(block).strip().replaceAll("[ \\t]*\\n[ \\t]*", "\n").replaceAll("\n{2,}", "\n");
    }
}
