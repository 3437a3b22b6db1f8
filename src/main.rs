//! The `newsgraph` binary: parses the command line, runs it through the
//! library, and maps the outcome to an exit status: 0 done, 1 error, 2 usage
//! error (clap), 3 done but some input files were skipped. Nothing else
//! happens here.

mod cli;

use anyhow::Context;
use clap::Parser;
use std::io::{self, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match run(cli) {
        Ok(cli::Outcome::Done) => ExitCode::SUCCESS,
        Ok(cli::Outcome::Skipped) => ExitCode::from(3),
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            let _ = writeln!(io::stderr(), "newsgraph: error: {error}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: cli::Cli) -> anyhow::Result<cli::Outcome> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut err = io::stderr().lock();
    let outcome = cli::run(cli, &mut out, &mut err)?;
    out.flush().context("standard output")?;
    Ok(outcome)
}

/// A reader that stopped reading (`newsgraph export json | head`) is not an error.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause.downcast_ref::<io::Error>().is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            || matches!(cause.downcast_ref::<newsgraph::Error>(),
                Some(newsgraph::Error::Io { source, .. }) if source.kind() == io::ErrorKind::BrokenPipe)
    })
}
