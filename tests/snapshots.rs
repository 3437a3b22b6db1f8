//! Snapshots of the JSON and DOT exports of the hand-made fixture graph, so
//! that any change to the export format shows up as a diff. Refresh them
//! after an intended change with `UPDATE_EXPECT=1 cargo test --test snapshots`.

mod common;

use newsgraph::export::dot::{to_dot, DotOptions};
use newsgraph::export::json::to_json;
use std::path::Path;

fn check(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name);
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; create it with UPDATE_EXPECT=1", path.display()));
    if expected != actual {
        panic!("{} differs from the export (UPDATE_EXPECT=1 refreshes it):\n{actual}", path.display());
    }
}

#[test]
fn fixture_json() {
    check("fixture.json", &to_json(&common::fixture().graph).unwrap());
}

#[test]
fn fixture_dot() {
    check("fixture.dot", &to_dot(&common::fixture().graph, &DotOptions::default()));
}
