//! Backend HTML, made safe: the allow-list the sanitizer applies (which elements and
//! attributes survive, which link targets), and HTML reduced to plain text for places that
//! show no markup (previews, search). Both are pure, so both are tested natively.

/// Elements whose content is never shown as text.
const HIDDEN: [&str; 4] = ["script", "style", "head", "template"];
const BLOCK_ENDS: [&str; 10] = ["p", "div", "br", "li", "tr", "h1", "h2", "h3", "blockquote", "pre"];

/// Typed text as HTML for a backend that stores HTML: `& < > "` escaped, each line break
/// (`\r\n` or `\n`) written as `line_break` (each backend has its own habit).
pub fn text_to_html(text: &str, line_break: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.replace("\r\n", "\n").chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str(line_break),
            c => out.push(c),
        }
    }
    out
}

pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    let mut hidden_until: Option<String> = None;
    while let Some(lt) = rest.find('<') {
        if hidden_until.is_none() {
            out.push_str(&decode_entities(&rest[..lt]));
        }
        let after = &rest[lt + 1..];
        let Some(gt) = after.find('>') else {
            // A '<' that opens no tag is text ("a < b").
            if hidden_until.is_none() {
                out.push_str(&decode_entities(&rest[lt..]));
            }
            rest = "";
            break;
        };
        let tag = &after[..gt];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        match &hidden_until {
            Some(h) if closing && *h == name => hidden_until = None,
            Some(_) => {}
            None if !closing && HIDDEN.contains(&name.as_str()) && !tag.ends_with('/') => {
                hidden_until = Some(name.clone())
            }
            None if BLOCK_ENDS.contains(&name.as_str()) && (closing || name == "br") => out.push('\n'),
            None => {}
        }
        rest = &after[gt + 1..];
    }
    if hidden_until.is_none() {
        out.push_str(&decode_entities(rest));
    }
    let lines: Vec<&str> = out.lines().map(str::trim_end).collect();
    lines.join("\n").trim().to_owned()
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let tail = &rest[amp..];
        let end = tail.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let entity = &tail[1..e];
            let ch = match entity {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" | "#39" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                "zwnj" => Some('\u{200c}'),
                _ => entity
                    .strip_prefix("#x")
                    .or_else(|| entity.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            ch.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &tail[e + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Elements kept with their attributes filtered; anything else is unwrapped (its text and
/// allowed children stay) unless it is in `DROPPED`.
pub const ALLOWED_ELEMENTS: [&str; 28] = [
    "a", "b", "blockquote", "br", "code", "del", "div", "em", "h1", "h2", "h3", "h4", "hr", "i", "img", "li",
    "ol", "p", "pre", "s", "span", "strong", "table", "tbody", "td", "th", "thead", "tr",
];

/// Elements removed together with everything inside them.
pub const DROPPED_ELEMENTS: [&str; 14] = [
    "script", "style", "iframe", "object", "embed", "form", "input", "button", "textarea", "select", "svg",
    "math", "template", "noscript",
];

/// Attributes kept, by element (`*` for all); event handlers and `style` never are.
pub fn attribute_allowed(element: &str, attribute: &str) -> bool {
    matches!(
        (element, attribute),
        (_, "dir" | "lang" | "title")
            | ("a", "href")
            | ("img", "src" | "alt" | "width" | "height")
            | ("td" | "th", "colspan" | "rowspan")
            | ("ol", "start")
    )
}

/// Whether a link or image URL may be kept: http(s) and mailto for links, and for images
/// http(s) or an inline raster `data:image/…`. Control characters and spaces that browsers
/// ignore inside a scheme ("java\tscript:") are ignored here too before checking.
pub fn url_allowed(url: &str, for_image: bool) -> bool {
    let compact: String = url.chars().filter(|c| !c.is_ascii_whitespace() && !c.is_control()).collect();
    let lower = compact.to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        return true;
    }
    if for_image {
        ["data:image/png", "data:image/jpeg", "data:image/gif", "data:image/webp"].iter().any(|p| lower.starts_with(p))
    } else {
        lower.starts_with("mailto:")
    }
}

#[cfg(test)]
mod tests {
    use super::html_to_text;

    use super::{attribute_allowed, url_allowed};

    #[test]
    fn urls_pass_only_safe_schemes() {
        for ok in ["https://example.ir/a?b=1", "HTTP://x.ir", " https://x.ir", "mailto:a@b.ir"] {
            assert!(url_allowed(ok, false), "{ok}");
        }
        for bad in ["javascript:alert(1)", "JavaScript:alert(1)", "java\tscript:alert(1)", " javascript:x", "\u{1}javascript:x",
            "vbscript:x", "data:text/html,<script>", "/relative", "//evil.example", "file:///etc/passwd", ""] {
            assert!(!url_allowed(bad, false), "{bad:?}");
        }
        assert!(url_allowed("data:image/png;base64,iVBOR", true));
        assert!(!url_allowed("data:image/svg+xml,<svg onload=x>", true));
        assert!(!url_allowed("data:image/png;base64,x", false), "data URLs are not links");
    }

    #[test]
    fn no_event_handlers_or_styles_survive() {
        for attr in ["onclick", "onerror", "onload", "style", "class", "id", "srcset", "formaction"] {
            for el in ["a", "img", "p", "td"] {
                assert!(!attribute_allowed(el, attr), "{el}[{attr}]");
            }
        }
        assert!(attribute_allowed("a", "href") && attribute_allowed("img", "src") && attribute_allowed("p", "dir"));
        assert!(!attribute_allowed("p", "href"));
    }

    #[test]
    fn tags_go_and_blocks_break_lines() {
        assert_eq!(html_to_text("<p>سلام</p><p>خداحافظ<br/>دوست</p>"), "سلام\nخداحافظ\nدوست");
        assert_eq!(html_to_text("<b>bold</b> and <i>it</i>"), "bold and it");
    }

    #[test]
    fn scripts_and_styles_are_dropped_with_their_content() {
        assert_eq!(html_to_text("a<script>alert(1)</script>b<style>p{}</style>c"), "abc");
        assert_eq!(html_to_text("<SCRIPT src=x>evil()</SCRIPT>ok"), "ok");
    }

    #[test]
    fn entities_decode_and_broken_markup_survives() {
        assert_eq!(html_to_text("&lt;b&gt; &amp; &#1740; &#x6CC; &nbsp;x"), "<b> & ی ی \u{a0}x");
        assert_eq!(html_to_text("a < b"), "a < b");
        assert_eq!(html_to_text("AT&T &bogus; &"), "AT&T &bogus; &");
        assert_eq!(html_to_text(""), "");
    }
}
