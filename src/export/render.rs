//! Rendering: runs Graphviz's `dot` on DOT text to make SVG, PNG or PDF.
//! This is the only place newsgraph starts another program. When `dot` is
//! not installed the error says how to install it; when it rejects the
//! input, the error carries what it printed. It never writes files itself:
//! the caller gets the bytes (and writes them with [`super::write_file`]).

use crate::error::{Error, Result};
use std::io::{self, Read, Write};
use std::process::{Command, Stdio};

/// The formats `--render` makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RenderFormat {
    Svg,
    Png,
    Pdf,
}

impl RenderFormat {
    /// The name `dot -T` takes.
    pub fn as_str(self) -> &'static str {
        match self {
            RenderFormat::Svg => "svg",
            RenderFormat::Png => "png",
            RenderFormat::Pdf => "pdf",
        }
    }
}

/// Is Graphviz's `dot` on the PATH?
pub fn graphviz_available() -> bool {
    Command::new("dot").arg("-V").stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok_and(|s| s.success())
}

/// Renders DOT text with `dot -T<format>` and returns the image bytes.
pub fn render(dot: &str, format: RenderFormat) -> Result<Vec<u8>> {
    let name = format.as_str();
    let failed = |message: String| Error::Graphviz { format: name.to_string(), message };
    let mut child = match Command::new("dot")
        .arg(format!("-T{name}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(Error::GraphvizMissing { format: name.to_string() })
        }
        Err(e) => return Err(failed(format!("cannot start it: {e}"))),
    };
    // Feed stdin from another thread so that a large image on stdout cannot
    // block dot while we are still writing.
    let mut stdin = child.stdin.take().ok_or_else(|| failed("no standard input".into()))?;
    let input = dot.as_bytes().to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let mut stderr = child.stderr.take().ok_or_else(|| failed("no standard error".into()))?;
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });
    let mut image = Vec::new();
    if let Some(mut stdout) = child.stdout.take() {
        stdout.read_to_end(&mut image).map_err(|e| failed(format!("reading its output: {e}")))?;
    }
    let status = child.wait().map_err(|e| failed(e.to_string()))?;
    let written = writer.join().unwrap_or_else(|_| Err(io::Error::other("writer thread panicked")));
    let messages = reader.join().unwrap_or_default();
    if !status.success() {
        let said = messages.trim();
        return Err(failed(if said.is_empty() { status.to_string() } else { said.to_string() }));
    }
    if let Err(e) = written {
        return Err(failed(format!("writing its input: {e}")));
    }
    if image.is_empty() {
        return Err(failed("it wrote nothing".into()));
    }
    Ok(image)
}
