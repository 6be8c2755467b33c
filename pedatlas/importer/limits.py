"""The importer's limits, in one place: what an upload may hold before it is refused.

Every limit is checked before the file is parsed (bytes, workbook entries, declared sheet size) or
while it is read (rows, columns), so that no file can exhaust memory or time. The deployment sets
Streamlit's ``server.maxUploadSize`` from MAX_UPLOAD_MB; the data page passes it to its uploader.
The figures are sized so that the largest accepted upload stays under 1.5 GB of memory
(benchmarks/bench_import.py measures it).
"""

MB = 2**20

# --- whole uploads ------------------------------------------------------------------------------
MAX_UPLOAD_BYTES = 256 * MB  # one file; a 2,000,000-row referral CSV is ~130 MB
MAX_UPLOAD_MB = MAX_UPLOAD_BYTES // MB  # Streamlit's server.maxUploadSize is in MB
MAX_TOTAL_UPLOAD_BYTES = 512 * MB  # all files of one import together
MAX_ROWS = 2_500_000  # data rows of all files of one import together
MAX_COLUMNS = 64  # columns of one sheet (the widest table has 18)
# Cells (rows x columns): memory grows with cells, not rows. 2,500,000 referrals of 8 columns
# (20 M cells) peak at 1.27 GB (bench_import.py); wider files get fewer rows.
MAX_CELLS = 20_000_000  # of all files of one import together, like MAX_ROWS
# Rows of one table per import, where the rollups rebuilt by an import grow with them: every
# hospital enters the accessibility and hot-spot rollups (a hospital x county distance matrix),
# so 1.1 M hospitals (the cell cap) peaked at 1.7 GB there. China has about 110,000 hospitals,
# township and community health centres together.
MAX_TABLE_ROWS = {"hospitals": 200_000}

# --- XLSX workbooks (zip archives of XML) ---------------------------------------------------------
MAX_XLSX_ENTRIES = 1_000  # files inside the archive; real workbooks have a few dozen
MAX_XLSX_UNCOMPRESSED_BYTES = 128 * MB  # all entries inflated; about 300,000 rows of 12 columns
MAX_XLSX_ENTRY_RATIO = 200  # inflated/compressed size of one entry; real sheets stay under ~30
MAX_XLSX_ROWS = 1_048_576  # Excel's own limit; MAX_ROWS applies to the whole upload as well

# --- cells ----------------------------------------------------------------------------------------
ID_CHARS = 64  # hospital, alliance and indicator ids, adcodes
SHORT_TEXT_CHARS = 100  # names of kinds, departments, units
NAME_CHARS = 200  # hospital and alliance names, labels
LONG_TEXT_CHARS = 1_000  # sources, notes
MAX_CELL_CHARS = 32_767  # Excel's limit for one cell; anything longer is not a spreadsheet value

# --- messages -------------------------------------------------------------------------------------
SHOWN_VALUE_CHARS = 80  # a value echoed in a problem message is cut to this many characters
