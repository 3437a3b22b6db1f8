//! The `newsgraph` binary: parses the command line, runs it through the
//! library, and maps the outcome to an exit status: 0 done, 1 error, 2 usage
//! error (clap), 3 done but some input files were skipped, 130 build
//! interrupted (Ctrl-C). Nothing else happens here but the Ctrl-C handler.

mod cli;

/// mimalloc instead of the system allocator: the build makes and frees many
/// small strings and vectors on every thread (see ARCHITECTURE.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use anyhow::Context;
use clap::Parser;
use std::io::{self, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    // Ctrl-C once: the build stops at its next batch, keeping what it stored;
    // twice: now.
    let cancel = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&cancel);
    let _ = ctrlc::set_handler(move || {
        if flag.swap(true, Ordering::SeqCst) {
            std::process::exit(130);
        }
        let _ = writeln!(io::stderr(), "newsgraph: stopping after the current batch (Ctrl-C again to stop now)");
    });
    match run(cli, cancel) {
        Ok(cli::Outcome::Done) => ExitCode::SUCCESS,
        Ok(cli::Outcome::Skipped) => ExitCode::from(3),
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) if is_interrupted(&error) => {
            let _ = writeln!(io::stderr(), "newsgraph: {error}");
            ExitCode::from(130)
        }
        Err(error) => {
            let _ = writeln!(io::stderr(), "newsgraph: error: {error}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: cli::Cli, cancel: Arc<AtomicBool>) -> anyhow::Result<cli::Outcome> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut err = io::stderr();
    let outcome = cli::run(cli, &mut out, &mut err, cancel)?;
    out.flush().context("standard output")?;
    Ok(outcome)
}

fn is_interrupted(error: &anyhow::Error) -> bool {
    matches!(error.downcast_ref::<newsgraph::Error>(), Some(newsgraph::Error::Interrupted { .. }))
}

/// A reader that stopped reading (`newsgraph export json | head`) is not an error.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause.downcast_ref::<io::Error>().is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            || matches!(cause.downcast_ref::<newsgraph::Error>(),
                Some(newsgraph::Error::Io { source, .. }) if source.kind() == io::ErrorKind::BrokenPipe)
    })
}
