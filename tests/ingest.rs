//! Ingest over real files and directories: which files are read, in what
//! order, and how each kind of bad input is reported (and never panics).

use newsgraph::ingest::{collect, parse_document};
use newsgraph::Error;
use proptest::prelude::*;
use std::fs;
use std::path::{Path, PathBuf};

fn write(dir: &Path, name: &str, contents: &[u8]) -> PathBuf {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, contents).unwrap();
    path
}

fn ids(docs: &[newsgraph::Document]) -> Vec<&str> {
    docs.iter().map(|d| d.id.as_str()).collect()
}

#[test]
fn directories_are_read_recursively_in_sorted_order_txt_and_md_only() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "b.txt", b"B");
    write(root, "a.md", b"# A");
    write(root, "sub/c.TXT", b"C");
    write(root, "sub/deeper/d.txt", b"D");
    write(root, "notes.json", b"{}");
    write(root, "image.png", b"\x89PNG\0");
    write(root, ".hidden.txt", b"H");
    write(root, ".git/e.txt", b"E");
    let (docs, errors) = collect(&[root.to_path_buf()], None);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(ids(&docs), ["a", "b", "c", "d"]);
    assert_eq!(docs[0].title, "A");
    assert_eq!(docs[2].path, root.join("sub/c.TXT").display().to_string());
}

#[test]
fn a_file_named_directly_is_read_whatever_its_extension() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "story.text", b"Headline\n\nBody.");
    let (docs, errors) = collect(&[file], None);
    assert!(errors.is_empty());
    assert_eq!(ids(&docs), ["story"]);
}

#[test]
fn the_same_file_reached_twice_is_read_once() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "x.txt", b"X");
    let (docs, errors) = collect(&[dir.path().to_path_buf(), file], None);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(ids(&docs), ["x"]);
}

#[test]
fn a_second_file_with_the_same_stem_is_a_soft_error_naming_both() {
    let dir = tempfile::tempdir().unwrap();
    let first = write(dir.path(), "one/story.txt", b"First");
    let second = write(dir.path(), "two/story.md", b"Second");
    let (docs, errors) = collect(&[dir.path().to_path_buf()], None);
    assert_eq!(ids(&docs), ["story"]);
    assert_eq!(docs[0].text, "First");
    assert_eq!(errors.len(), 1);
    let message = errors[0].to_string();
    assert!(matches!(errors[0], Error::DuplicateId { .. }));
    assert!(message.contains("duplicate document id 'story'"), "{message}");
    assert!(message.contains(&first.display().to_string()) && message.contains(&second.display().to_string()));
}

#[test]
fn bad_files_are_reported_by_name_and_the_rest_go_on() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "good.txt", b"Good article.");
    write(root, "empty.txt", b"");
    write(root, "blank.md", b"  \n\t\n");
    write(root, "binary.txt", b"PK\x03\x04\0\0binary");
    write(root, "latin1.txt", b"Line one\nStra\xdfe\n");
    let missing = root.join("missing.txt");
    let (docs, errors) = collect(&[root.to_path_buf(), missing.clone()], None);
    assert_eq!(ids(&docs), ["good"]);
    let messages: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(messages.len(), 5, "{messages:#?}");
    let find =
        |name: &str| messages.iter().find(|m| m.contains(name)).unwrap_or_else(|| panic!("{name}: {messages:#?}"));
    assert!(find("binary.txt").ends_with("looks like a binary file, not an article"));
    assert!(find("empty.txt").ends_with("empty file (no article text)"));
    assert!(find("blank.md").ends_with("empty file (no article text)"));
    assert!(find("latin1.txt").contains("latin1.txt:2: not valid UTF-8 (byte offset 13)"), "{messages:#?}");
    assert!(find("missing.txt").ends_with("no such file or directory"));
    assert!(errors.iter().any(|e| matches!(e, Error::NotFound { path } if *path == missing)));
}

#[test]
fn default_date_fills_in_missing_dates() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", b"---\ndate: 2019-05\n---\nA");
    write(dir.path(), "b.txt", b"B");
    let (docs, _) = collect(&[dir.path().to_path_buf()], Some("2021-07-14"));
    let dates: Vec<Option<&str>> = docs.iter().map(|d| d.date.as_deref()).collect();
    assert_eq!(dates, [Some("2019-05"), Some("2021-07-14")]);
}

#[test]
fn seeds_are_read() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let (docs, errors) = collect(&[seeds], None);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(docs.len(), 5);
    for doc in &docs {
        assert_eq!(doc.sha256.len(), 64);
        assert!(!doc.title.is_empty());
        assert_eq!(doc.text.as_bytes(), fs::read(&doc.path).unwrap(), "text is byte-exact");
    }
}

proptest! {
    /// No input panics; what is accepted is kept byte-exact, with a body
    /// start on a character boundary.
    #[test]
    fn any_bytes_are_read_or_rejected_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        if let Ok(doc) = parse_document(Path::new("x.txt"), &bytes, Some("2021")) {
            prop_assert_eq!(doc.text.as_bytes(), &bytes[..]);
            prop_assert!(doc.text.is_char_boundary(doc.body_start));
            prop_assert!(doc.title.chars().count() <= 200);
        }
    }

    #[test]
    fn any_front_matter_is_read_or_ignored_without_panic(
        lines in proptest::collection::vec("[a-z]{0,6}(: ?)?[-0-9A-Za-zä\"' ]{0,12}", 0..6),
        close in any::<bool>(),
        body in "[^\0]{0,40}",
    ) {
        let mut text = String::from("---\n");
        for line in &lines {
            text.push_str(line);
            text.push('\n');
        }
        if close {
            text.push_str("---\n");
        }
        text.push_str(&body);
        if let Ok(doc) = parse_document(Path::new("x.md"), text.as_bytes(), None) {
            prop_assert_eq!(&doc.text, &text);
            prop_assert!(doc.body_start <= text.len());
            if let Some(date) = &doc.date {
                prop_assert!(newsgraph::ingest::parse_date(date).as_deref() == Some(date.as_str()));
            }
        }
    }
}
