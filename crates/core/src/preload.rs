//! `preload.js`: asks the browser, as the page starts, for the data file the address's view
//! will read, so that it comes in while the wasm does and not a round trip after the catalog.
//! Written from the catalog at build time (`sportdash snapshot`), with the same choice of file
//! as the app's (`Catalog::file_of`) for each section and indicator; the dashboard's page and
//! the embed page load it.

use std::collections::BTreeMap;

use crate::model::{Catalog, Category};
use crate::state::DEFAULT_VIEW;

/// Where the pages' data files are, relative to the page.
pub const DATA_FOLDER: &str = "data/";

/// The script for `catalog`; with none (the catalog cannot be read), a script that asks for
/// nothing, so that the pages never ask for a file that is not there.
pub fn script(catalog: Option<&Catalog>) -> String {
    let files: BTreeMap<&str, BTreeMap<String, String>> = catalog
        .map(|catalog| {
            Category::ALL
                .into_iter()
                .map(|category| {
                    let mut by_indicator = BTreeMap::new();
                    by_indicator.insert(String::new(), catalog.file_of(category, None).0);
                    if catalog.is_split(category) {
                        for indicator in catalog.indicators_in(category) {
                            let file = catalog.file_of(category, Some(&indicator.id)).0;
                            by_indicator.insert(indicator.id.clone(), file);
                        }
                    }
                    (category.id(), by_indicator)
                })
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
         var section = files[last('view') || '{default}'];\n  \
         if (!section) return;\n  \
         var file = section[last('indicator') || ''] || section[''];\n  \
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
