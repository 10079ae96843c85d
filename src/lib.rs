//! bitext aligns and compares the language versions of one legal text — treaties
//! signed in Chinese and Russian, both texts equally authentic.
//!
//! The pipeline, one module each: [`load`] (decode, repair, then [`structure`]) →
//! [`align`] → [`write`](mod@write), with [`eval`] to score an alignment. The [`model`] is what
//! they share.
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
pub mod anchors;
pub mod batch;
pub mod check;
pub mod diff;
pub mod error;
pub mod eval;
pub mod lang;
pub mod lexicon;
pub mod limits;
pub mod load;
pub mod model;
pub mod output;
pub mod segment;
pub mod structure;
pub mod text;
pub mod write;

pub use error::{Error, ErrorKind, Result};
pub use lang::Lang;

pub use model::{Document, Unit, UnitKind};
