//! The XML parts of a .docx or .odt file, read into a small tree with bounds.
//!
//! quick-xml reads the part as a stream; this module builds from it a tree of the
//! elements with their namespaces resolved to the few the readers know (Word's
//! transitional and Strict namespaces alike: a reader matches URIs, never prefixes).
//! A part that declares a DTD is refused, so no entity is ever defined or expanded
//! (the "billion laughs"); only the five predefined entities and character
//! references are resolved. Nesting deeper than [`MAX_XML_DEPTH`] and more than
//! [`MAX_XML_NODES`] nodes are refused, which bounds the stack and the memory.

use std::path::Path;

use quick_xml::NsReader;
use quick_xml::XmlVersion;
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;

use crate::error::{Error, ErrorKind, Result};
use crate::limits::{MAX_XML_DEPTH, MAX_XML_NODES};

/// The namespaces the readers look at; every other one is [`Ns::Other`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ns {
    /// No namespace.
    None,
    /// WordprocessingML (`w:`), transitional or Strict.
    W,
    /// Office document relationships (`r:`), transitional or Strict.
    R,
    /// Markup compatibility (`mc:`).
    Mc,
    /// Package relationships (the `.rels` parts).
    Rels,
    /// OpenDocument `office:`.
    Office,
    /// OpenDocument `text:`.
    Text,
    /// OpenDocument `style:`.
    Style,
    /// OpenDocument `table:`.
    Table,
    /// OpenDocument `draw:`.
    Draw,
    /// LibreOffice's extensions to OpenDocument (`loext:`).
    Loext,
    /// Any other namespace.
    Other,
}

impl Ns {
    fn of(uri: &str) -> Ns {
        match uri {
            "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
            | "http://purl.oclc.org/ooxml/wordprocessingml/main" => Ns::W,
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
            | "http://purl.oclc.org/ooxml/officeDocument/relationships" => Ns::R,
            "http://schemas.openxmlformats.org/markup-compatibility/2006" => Ns::Mc,
            "http://schemas.openxmlformats.org/package/2006/relationships" => Ns::Rels,
            "urn:oasis:names:tc:opendocument:xmlns:office:1.0" => Ns::Office,
            "urn:oasis:names:tc:opendocument:xmlns:text:1.0" => Ns::Text,
            "urn:oasis:names:tc:opendocument:xmlns:style:1.0" => Ns::Style,
            "urn:oasis:names:tc:opendocument:xmlns:table:1.0" => Ns::Table,
            "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" => Ns::Draw,
            "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0" => Ns::Loext,
            _ => Ns::Other,
        }
    }
}

/// A node of the tree: an element or a run of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// An element.
    Element(Element),
    /// Character data, entities resolved.
    Text(Box<str>),
}

/// An element with its namespace, local name, attributes and children.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element {
    /// Its namespace.
    pub ns: Ns,
    /// Its local name.
    pub name: Box<str>,
    /// Its attributes: namespace, local name, value.
    pub attrs: Vec<(Ns, Box<str>, Box<str>)>,
    /// Its children, in order.
    pub children: Vec<Node>,
}

impl Element {
    /// Whether this is the element `ns:name`.
    pub fn is(&self, ns: Ns, name: &str) -> bool {
        self.ns == ns && &*self.name == name
    }

    /// The value of the attribute `ns:name`.
    pub fn attr(&self, ns: Ns, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, l, _)| *n == ns && &**l == name).map(|(_, _, v)| &**v)
    }

    /// The child elements.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// The first child element `ns:name`.
    pub fn child(&self, ns: Ns, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.is(ns, name))
    }

    /// The first element `ns:name` at any depth below this one, in document order.
    pub fn find(&self, ns: Ns, name: &str) -> Option<&Element> {
        self.elements().find_map(|e| if e.is(ns, name) { Some(e) } else { e.find(ns, name) })
    }
}

/// Parses the XML part `part` of the document at `path` into its root element.
pub fn parse(bytes: &[u8], path: &Path, part: &str) -> Result<Element> {
    let bad =
        |why: String| Error::new(ErrorKind::Document(format!("the part {part} is not well-formed XML: {why}")), path);
    let text = decode(bytes).ok_or_else(|| bad("it is neither UTF-8 nor UTF-16".into()))?;
    let mut reader = NsReader::from_str(&text);
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    let mut nodes = 0usize;
    let mut text_run = String::new();
    let too_much = |what: String| limit(path, format!("the part {part} {what}; that is the limit"));
    loop {
        let (ns, event) = reader.read_resolved_event().map_err(|e| bad(e.to_string()))?;
        let ns = match ns {
            ResolveResult::Bound(uri) => Ns::of(uri.0),
            ResolveResult::Unbound => Ns::None,
            ResolveResult::Unknown(prefix) => return Err(bad(format!("the prefix {prefix} is not declared"))),
        };
        // Text and entity references between two tags become one text node.
        match &event {
            Event::Text(t) => {
                text_run.push_str(&t.xml10_content());
                continue;
            }
            Event::CData(t) => {
                text_run.push_str(&t.xml10_content());
                continue;
            }
            Event::GeneralRef(r) => {
                text_run.push_str(&resolve_reference(r, &bad)?);
                continue;
            }
            _ => {}
        }
        flush_text(&mut text_run, &mut stack, &mut nodes);
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                nodes += 1;
                if nodes > MAX_XML_NODES {
                    return Err(too_much(format!("has more than {MAX_XML_NODES} XML nodes")));
                }
                let attrs = attributes(&reader, e, &bad)?;
                let name = e.local_name().as_ref().to_string().into_boxed_str();
                let element = Element { ns, name, attrs, children: Vec::new() };
                if matches!(event, Event::Start(_)) {
                    if stack.len() >= MAX_XML_DEPTH {
                        return Err(too_much(format!("nests XML elements more than {MAX_XML_DEPTH} deep")));
                    }
                    stack.push(element);
                } else {
                    close(element, &mut stack, &mut root);
                }
            }
            Event::End(_) => {
                let element = stack.pop().ok_or_else(|| bad("an end tag without its start".into()))?;
                close(element, &mut stack, &mut root);
            }
            Event::DocType(_) => {
                return Err(Error::new(
                    ErrorKind::Document(format!(
                        "the part {part} declares a DTD (<!DOCTYPE>), which Word and OpenDocument files never do; \
                         it is refused so that no entity is expanded"
                    )),
                    path,
                ));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !stack.is_empty() {
        return Err(bad("the part ends inside an element".into()));
    }
    root.ok_or_else(|| bad("no root element".into()))
}

/// Makes the text read since the last tag a text node of the open element (text
/// outside the root is dropped).
fn flush_text(text_run: &mut String, stack: &mut [Element], nodes: &mut usize) {
    if text_run.is_empty() {
        return;
    }
    if let Some(parent) = stack.last_mut() {
        *nodes += 1;
        parent.children.push(Node::Text(std::mem::take(text_run).into_boxed_str()));
    } else {
        text_run.clear();
    }
}

/// An attribute: its namespace, local name and value.
type Attribute = (Ns, Box<str>, Box<str>);

/// A character reference or one of XML's five predefined entities; any other entity
/// is an error (no DTD defines one).
fn resolve_reference(r: &quick_xml::events::BytesRef<'_>, bad: &dyn Fn(String) -> Error) -> Result<String> {
    if let Err(e) = r.resolve_char_ref() {
        return Err(bad(e.to_string()));
    }
    reference(r).ok_or_else(|| bad(format!("the entity &{}; is not defined", &**r)))
}

/// The text a character reference or one of XML's five predefined entities stands
/// for; `None` for a malformed reference or any other entity.
pub fn reference(r: &quick_xml::events::BytesRef<'_>) -> Option<String> {
    match r.resolve_char_ref() {
        Ok(Some(c)) => Some(c.to_string()),
        Ok(None) => quick_xml::escape::resolve_predefined_entity(r).map(str::to_string),
        Err(_) => None,
    }
}

/// An element's attributes with their namespaces resolved and values normalised.
fn attributes(
    reader: &NsReader<&[u8]>,
    e: &quick_xml::events::BytesStart<'_>,
    bad: &dyn Fn(String) -> Error,
) -> Result<Vec<Attribute>> {
    let mut attrs = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|e| bad(e.to_string()))?;
        let (ans, local) = reader.resolver().resolve_attribute(a.key);
        let ans = match ans {
            ResolveResult::Bound(uri) => Ns::of(uri.0),
            _ => Ns::None,
        };
        let value = a.normalized_value(XmlVersion::Implicit1_0).map_err(|e| bad(e.to_string()))?;
        attrs.push((ans, local.as_ref().to_string().into_boxed_str(), value.into_owned().into_boxed_str()));
    }
    Ok(attrs)
}

/// Ends an element: it becomes a child of the one above, or the root.
fn close(element: Element, stack: &mut [Element], root: &mut Option<Element>) {
    match stack.last_mut() {
        Some(parent) => parent.children.push(Node::Element(element)),
        None => {
            if root.is_none() {
                *root = Some(element);
            }
        }
    }
}

fn limit(path: &Path, why: String) -> Error {
    Error::new(ErrorKind::Limit(why), path)
}

/// The part's text: UTF-8 (with or without a byte-order mark) or UTF-16 with one, the
/// encodings XML allows without a declaration.
fn decode(bytes: &[u8]) -> Option<std::borrow::Cow<'_, str>> {
    let (encoding, _) = encoding_rs::Encoding::for_bom(bytes).unwrap_or((encoding_rs::UTF_8, 0));
    let (text, had_errors) = encoding.decode_with_bom_removal(bytes);
    (!had_errors).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(s: &str) -> Result<Element> {
        parse(s.as_bytes(), Path::new("t.docx"), "word/document.xml")
    }

    #[test]
    fn namespaces_by_uri_not_prefix() {
        let root = parse_str(
            r#"<x:document xmlns:x="http://purl.oclc.org/ooxml/wordprocessingml/main"><x:body><x:t xml:space="preserve"> a &amp; b&#x4E00;</x:t></x:body></x:document>"#,
        )
        .unwrap();
        assert!(root.is(Ns::W, "document"));
        let t = root.find(Ns::W, "t").unwrap();
        assert_eq!(t.children, [Node::Text(" a & b一".into())]);
    }

    #[test]
    fn refuses_a_dtd() {
        let bomb = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><a>&lol2;</a>"#;
        let e = parse_str(bomb).unwrap_err();
        assert!(e.to_string().contains("declares a DTD"), "{e}");
    }

    #[test]
    fn refuses_an_undefined_entity() {
        let e = parse_str("<a>&lol;</a>").unwrap_err();
        assert!(e.to_string().contains("&lol; is not defined"), "{e}");
    }

    #[test]
    fn refuses_deep_nesting() {
        let deep = format!("{}{}", "<a>".repeat(100_000), "</a>".repeat(100_000));
        let e = parse_str(&deep).unwrap_err();
        assert!(matches!(e.kind, ErrorKind::Limit(_)), "{e}");
        assert!(e.to_string().contains("more than 256 deep"), "{e}");
        // At the limit it is read.
        let ok = format!("{}{}", "<a>".repeat(MAX_XML_DEPTH), "</a>".repeat(MAX_XML_DEPTH));
        assert!(parse_str(&ok).is_ok());
    }

    #[test]
    fn refuses_broken_xml() {
        for bad in ["<a><b></a>", "<a>", "", "<p:a/>"] {
            let e = parse_str(bad).unwrap_err();
            assert!(e.to_string().contains("not well-formed XML"), "{bad}: {e}");
        }
    }
}
