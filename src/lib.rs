//! bitext aligns and compares the language versions of one legal text — treaties
//! signed in Chinese and Russian, both texts equally authentic.
//!
//! The pipeline reads from the tree: [`load`] (decode, or read a .docx, .odt, .html or
//! .pdf; repair) → [`structure`] (layout, title, units and refs) → [`align`] →
//! [`compare`] (`check` the two languages, `diff` two versions) → [`write`](mod@write)
//! (every output format, written atomically). [`batch`] runs many pairs, [`eval`]
//! scores an alignment. What they share: the [`model`] of a parsed text, the language
//! profiles ([`lang`]), the [`lexicon`] of zh–ru terms, [`text`] analysis (anchors,
//! sentences), the [`error`] type and the [`limits`].
//!
//! ```
//! use bitext::load::{LoadOptions, load_bytes};
//! use bitext::align::{align, AlignOptions};
//!
//! let zh = "第一条\n\n缔约各方在2002年6月7日签署。\n";
//! let ru = "Статья 1\n\nДоговаривающиеся Стороны подписали 7 июня 2002 года.\n";
//! let zh = load_bytes(zh.as_bytes(), "a.zh.txt", &LoadOptions::default()).unwrap();
//! let ru = load_bytes(ru.as_bytes(), "a.ru.txt", &LoadOptions::default()).unwrap();
//! let alignment = align(&zh, &ru, &AlignOptions::default());
//! assert_eq!(alignment.pairs.len(), 2);
//! assert_eq!(alignment.pairs[1].refs(0), "art.1.1");
//! ```

pub mod align;
pub mod batch;
pub mod compare;
pub mod error;
pub mod eval;
pub mod lang;
pub mod lexicon;
pub mod limits;
pub mod load;
pub mod model;
pub mod structure;
pub mod text;
pub mod write;

// The paths the pipeline's stages had before they were grouped, kept for users of the
// library.
pub use compare::{check, diff};
pub use text::{anchors, segment};
pub use write::output;

pub use error::{Error, ErrorKind, Result};
pub use lang::Lang;

pub use model::{Document, Unit, UnitKind};
