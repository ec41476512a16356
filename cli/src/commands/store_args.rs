//! The arguments every store command shares: which file, which scope, which
//! window. Everything they say is checked before the store is opened, so a
//! bad argument never touches the file.

use std::path::PathBuf;

use clap::Args;
use heat_core::model::{check_scope, parse_instant};
use heat_core::{HeatStore, InvalidInput, TimeWindow};

use crate::failure::Failure;
use crate::local_window::LocalWindow;
use heat_core::ZoneDatabase;

#[derive(Debug, Args)]
pub struct StoreArgs {
    /// The store file (the same SQLite format the apps use)
    #[arg(long, value_name = "PATH")]
    pub db: PathBuf,
    /// The store partition to work on, e.g. one per account
    #[arg(long, value_name = "S")]
    pub scope: String,
    /// Window start: RFC 3339, or a date YYYY-MM-DD meaning local midnight in --tz
    #[arg(long, value_name = "T")]
    pub from: String,
    /// Window end (exclusive): RFC 3339, or a date meaning local midnight in --tz
    #[arg(long, value_name = "T")]
    pub to: String,
    /// IANA time zone of the window, e.g. Europe/Berlin
    #[arg(long, value_name = "ZONE")]
    pub tz: String,
}

impl StoreArgs {
    /// The window the arguments name, with the scope checked too.
    pub fn window(&self) -> Result<LocalWindow, InvalidInput> {
        check_scope(&self.scope)?;
        let zone = ZoneDatabase::bundled().zone(&self.tz, "--tz")?;
        LocalWindow::new(&TimeWindow {
            start_ms: parse_instant(&self.from, &zone, "--from")?,
            end_ms: parse_instant(&self.to, &zone, "--to")?,
            time_zone: self.tz.clone(),
        })
    }

    /// Opens (creating if needed) the store, for commands that write.
    pub fn open_store(&self) -> Result<HeatStore, Failure> {
        Ok(HeatStore::open(&self.db, ZoneDatabase::bundled())?)
    }

    /// Opens a store that must already exist, for commands that only read:
    /// a mistyped path should not leave an empty store file behind.
    pub fn open_existing_store(&self) -> Result<HeatStore, Failure> {
        if !self.db.is_file() {
            return Err(Failure::BadArgument(format!(
                "--db: no store file at {} (create one with `heat sync`)",
                self.db.display()
            )));
        }
        self.open_store()
    }
}
