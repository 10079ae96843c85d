//! `bitext completions SHELL` and `bitext man`: made from the command-line definition,
//! so they cannot drift from it.

use std::process::ExitCode;

use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs, ManArgs};
use crate::exit_codes;

pub fn completions(args: CompletionsArgs) -> anyhow::Result<ExitCode> {
    let mut command = Cli::command();
    bitext::output::write_with(None, |w| {
        clap_complete::generate(args.shell, &mut command, "bitext", w);
        Ok(())
    })?;
    Ok(exit_codes::DONE.into())
}

pub fn man(args: ManArgs) -> anyhow::Result<ExitCode> {
    let command = Cli::command();
    bitext::output::write_with(args.output.as_deref(), |w| clap_mangen::Man::new(command).render(w))?;
    Ok(exit_codes::DONE.into())
}
