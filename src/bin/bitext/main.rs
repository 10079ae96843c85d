//! The `bitext` command: parses arguments, calls the library, prints, and owns the
//! exit codes.

mod cli;
mod cmd;
mod exit_codes;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match cmd::run(cli) {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return exit_codes::SAME.into();
            }
            eprintln!("bitext: {err:#}");
            exit_codes::TROUBLE.into()
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain()
        .any(|e| e.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe))
}
