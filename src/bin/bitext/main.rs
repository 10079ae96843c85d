fn main() {
    let path = std::env::args().nth(1).unwrap();
    let doc = bitext::load::load(std::path::Path::new(&path), &Default::default()).unwrap();
    for u in &doc.units {
        println!(
            "{:14} {:9} {:?} {:?} {}",
            u.r#ref,
            u.kind.name(),
            u.lines,
            u.label,
            u.text
        );
    }
    for r in &doc.repairs {
        println!("REPAIR {} {} {}", r.line, r.kind.name(), r.message);
    }
}
