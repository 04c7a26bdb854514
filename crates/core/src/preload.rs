//! `preload.js`: asks the browser, as the page starts, for the data file the address's view
//! will read, so that it comes in while the wasm does and not a round trip after the catalog.
//! Written from the catalog at build time (`sportdash snapshot`), with the same choice of file
//! as the app's (`Catalog::file_of`) for each section kept in one file; the dashboard's page
//! and the embed page load it.

use std::collections::BTreeMap;

use crate::model::{Catalog, Category};
use crate::state::DEFAULT_VIEW;

/// Where the pages' data files are, relative to the page.
pub const DATA_FOLDER: &str = "data/";

/// The script for `catalog`; with none (the catalog cannot be read), a script that asks for
/// nothing, so that the pages never ask for a file that is not there.
pub fn script(catalog: Option<&Catalog>) -> String {
    let files: BTreeMap<&str, String> = catalog
        .map(|catalog| {
            // Not a section kept one file per indicator: those files are large (megabytes),
            // and one the browser did not keep until the app asked would come twice.
            Category::ALL
                .into_iter()
                .filter(|&category| !catalog.is_split(category))
                .map(|category| (category.id(), catalog.file_of(category, None).0))
                .collect()
        })
        .unwrap_or_default();
    let files = serde_json::to_string(&files).unwrap_or_else(|_| "{}".to_string());
    format!(
        "// Written by `sportdash snapshot` (crates/core/src/preload.rs): the data file this address's view\n\
         // reads, asked for as the page starts. A file, not inline: the site runs under a CSP without\n\
         // inline scripts.\n\
         (function () {{\n  \
         var files = {files};\n  \
         var params = new URLSearchParams(location.search);\n  \
         var last = function (name) {{ var all = params.getAll(name); return all.length ? all[all.length - 1] : null; }};\n  \
         if (params.getAll('present').indexOf('1') >= 0) return;\n  \
         var file = files[last('view') || '{default}'];\n  \
         if (!file) return;\n  \
         var link = document.createElement('link');\n  \
         link.rel = 'preload';\n  \
         link.as = 'fetch';\n  \
         link.crossOrigin = 'anonymous';\n  \
         link.href = '{DATA_FOLDER}' + file;\n  \
         document.head.appendChild(link);\n\
         }})();\n",
        default = DEFAULT_VIEW.id(),
    )
}
