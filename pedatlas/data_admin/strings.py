"""Strings of the data page (数据管理): import, undo, data quality, export, templates."""

STRINGS = {
    "data_title": ("数据管理", "Data"),
    "data_intro": (
        "导入、检查、撤销与导出数据库中的数据。当前数据库：{path}",
        "Import, check, undo and export the data of the database. Current database: {path}",
    ),
    "data_tab_label": ("分区", "Section"),
    "data_tab_import": ("导入", "Import"),
    "data_tab_quality": ("数据质量", "Data quality"),
    "data_tab_export": ("导出", "Export"),
    "data_tab_templates": ("模板", "Templates"),
    "data_tab_dictionary": ("数据字典", "Data dictionary"),
    # import: choices and upload
    "data_upload_label": (
        "上传 CSV 或 XLSX 文件（可多个）",
        "Upload CSV or XLSX files (several at once)",
    ),
    "data_upload_help": (
        "每个文件（或工作簿中以表名命名的每个工作表）一张表：医院、联盟、联盟成员、转诊、转运、"
        "下沉帮扶或规划目标。表头可用中文（模板第一行）或英文列名。每个文件最大 {mb} MB；"
        "大表请用 CSV。",
        "One table per file (or per sheet named after a table in a workbook): hospitals, "
        "alliances, alliance members, referrals, transfers, outreach or targets. Headers may be "
        "the Chinese names (template row 1) or the English keys. At most {mb} MB a file; save "
        "large tables as CSV.",
    ),
    "data_upload_limit": (
        "每个文件最大 {mb} MB。更大的文件不会上传：上传框中标红（提示 File must be … or smaller），"
        "请拆分后分批导入，或另存为 CSV。",
        "At most {mb} MB a file. A larger file is not uploaded: it is marked red in the box "
        "(“File must be … or smaller”); split it and import the parts, or save it as CSV.",
    ),
    "data_upload_not_linkable": (
        "上传的文件和检查结果只保存在本次会话中，不会写入链接：分享的链接只打开本页的同一分区。",
        "Uploaded files and their check stay in this session and are not part of the link: a "
        "shared link opens the same section of this page only.",
    ),
    "data_table_choice": ("导入到哪张表", "Table to import into"),
    "data_table_auto": ("自动识别（按表头或工作表名）", "Detect (from headers or sheet name)"),
    "data_mode_choice": ("导入方式", "Mode"),
    "data_mode_help": (
        "追加：只新增记录，编号已存在的行会被拒绝。替换：用文件内容整体替换该表，文件中没有的已有记录将被删除。",
        "Append: adds rows; rows whose id is already stored are rejected. Replace: the file "
        "becomes the whole table; stored rows missing from the file are removed.",
    ),
    "data_no_upload": (
        "尚未上传文件。上传后会先逐行检查并预览将要发生的变化，确认前不会写入数据库。"
        "模板见“模板”分区。",
        "No file uploaded yet. Uploads are checked row by row and the changes are previewed; "
        "nothing is written to the database until you confirm. Templates are in the Templates "
        "section.",
    ),
    "data_checking": ("正在检查文件…", "Checking the files…"),
    "data_plan_failed": ("无法检查这些文件：{detail}", "The files cannot be checked: {detail}"),
    # preview
    "data_preview_title": ("检查结果与变化预览", "Check and preview of the changes"),
    "data_metric_added": ("新增行", "Rows added"),
    "data_metric_replaced": ("替换行", "Rows replaced"),
    "data_metric_removed": ("删除行", "Rows removed"),
    "data_metric_rejected": ("被拒绝的行", "Rows rejected"),
    "data_metric_errors": ("错误", "Errors"),
    "data_changes_title": ("各表的变化", "Changes per table"),
    "data_files_title": ("各文件", "Files"),
    "data_problems_title": ("问题清单", "Problems"),
    "data_problems_caption": (
        "行号按电子表格计（表头为第 1 行）。修正文件后重新上传即可再次检查。",
        "Row numbers are spreadsheet rows (the header is row 1). Fix the file and upload it "
        "again to check it again.",
    ),
    "data_problems_capped": (
        "只列出前 {shown} 个问题（共 {total} 个）。",
        "Problems listed: the first {shown} of {total}.",
    ),
    "data_plan_errors": (
        "发现 {errors} 个错误，本次导入不能进行；数据库没有任何改动。请按问题清单修正文件后重新上传。",
        "{errors:error was|errors were} found, so this import cannot go ahead; the database is unchanged. "
        "Fix the files using the list of problems and upload them again.",
    ),
    "data_plan_nothing": (
        "文件中没有可导入的数据行；数据库没有任何改动。",
        "The files hold no rows that can be imported; the database is unchanged.",
    ),
    "data_plan_ready": (
        "检查通过，尚未写入。确认后才会写入数据库（原文件保留，可撤销）。",
        "The check passed; nothing is written yet. The database changes only when you confirm "
        "(the previous file is kept, so the import can be undone).",
    ),
    "data_replace_warning": (
        "替换模式：确认后将删除 {removed} 行文件中没有的已有记录。",
        "Replace mode: confirming removes {removed} stored rows that are not in the files.",
    ),
    "data_warnings_note": (
        "不影响导入的提示（例如将被忽略的列）：{warnings} 个。",
        "Notes that do not stop the import (for example ignored columns): {warnings}.",
    ),
    "data_confirm": ("确认导入（写入 {rows} 行）", "Confirm the import (write {rows:row|rows})"),
    "data_writing": ("正在写入…", "Writing…"),
    "data_apply_rejected": (
        "导入被拒绝，数据库没有任何改动：{detail}",
        "The import was refused and the database is unchanged: {detail}",
    ),
    "data_apply_failed": (
        "导入失败，数据库没有任何改动：{detail}",
        "The import failed and the database is unchanged: {detail}",
    ),
    # results and undo
    "data_result_undone_table": ("被撤销的变化", "Changes undone"),
    "data_result_imported": (
        "{message}用时 {seconds} 秒。所有页面已刷新为新数据。",
        "{message} It took {seconds} s. Every page now shows the new data.",
    ),
    "data_result_backup": (
        "导入前的数据库保存在 {path}，可在下方撤销。",
        "The database from before the import is kept as {path}; undo it below.",
    ),
    "data_result_undone": (
        "{message}已恢复到 {applied_at} 导入之前的数据（文件：{files}）。下表为被撤销的变化。",
        "{message} The data from before the import of {applied_at} is back (files: {files}). "
        "The table lists the changes that were undone.",
    ),
    "data_undo_title": ("撤销上一次导入", "Undo the last import"),
    "data_last_import_title": ("上一次导入的变化", "What the last import changed"),
    "data_note_scope": ("整个数据库", "The whole database"),
    "data_columns_title": ("列说明", "Columns"),
    "data_undo_none": (
        "没有可撤销的导入（只保留最近一次导入前的数据库）。",
        "There is no import to undo (only the database from before the latest import is kept).",
    ),
    "data_undo_about": (
        "上一次导入：{applied_at}，方式：{mode}，文件：{files}。撤销后数据库恢复为该次导入之前的状态，"
        "该次导入之后的所有改动都会丢失。",
        "Last import: {applied_at}, mode: {mode}, files: {files}. Undo puts back the database "
        "from before that import; every change made since is lost.",
    ),
    "data_undo_about_unknown": (
        "存在上一次导入前的数据库备份，但没有导入记录。撤销后将恢复该备份。",
        "A copy from before the last import exists but its record is missing. Undo restores "
        "that copy.",
    ),
    "data_undo_confirm": (
        "我确认要撤销上一次导入",
        "I want to undo the last import",
    ),
    "data_undo_button": ("撤销", "Undo"),
    "data_undo_failed": ("无法撤销：{detail}", "Cannot undo: {detail}"),
    # data quality
    "data_quality_intro": (
        "数据库的完整性检查：各表行数、合成数据占比，以及缺少坐标、人员或人口数据的记录和指向不存在记录的行。",
        "Completeness checks of the database: rows per table, share of synthetic rows, records "
        "without coordinates, staff or population, and rows that point at missing rows.",
    ),
    "data_quality_none": ("没有此类记录。", "No such records."),
    "data_quality_rows_caption": (
        "按记录日期所在年份计数；医院与行政区没有年份，只列合计。",
        "Counted by the year of each row's date; hospitals and regions have no year and show "
        "the total only.",
    ),
    "data_quality_staff_caption": (
        "没有任何年度资源记录，或儿科医师与护士均为 0 的医院。",
        "Hospitals with no yearly resource rows, or with zero pediatric physicians and nurses.",
    ),
    "data_quality_coordinates_caption": (
        "经纬度为空、为 0 或超出中国范围的医院。",
        "Hospitals whose longitude/latitude is empty, zero or outside China.",
    ),
    "data_quality_metric_rows": ("数据行（合计）", "Rows (all tables)"),
    "data_quality_metric_synthetic": ("合成数据行占比", "Synthetic share of rows"),
    # export
    "data_export_intro": (
        "导出任意一张可导入的表为 CSV（UTF-8，Excel 可直接打开）。导出的文件可修改后原样导入"
        "（替换模式可用于批量修改）。",
        "Export any importable table as CSV (UTF-8, opens in Excel). The file can be edited and "
        "imported back as it is (replace mode updates in bulk).",
    ),
    "data_export_table": ("表", "Table"),
    "data_export_headers": ("表头", "Headers"),
    "data_export_headers_zh": ("中文表头", "Chinese headers"),
    "data_export_headers_en": ("英文列名", "English keys"),
    "data_export_rows": ("共 {rows} 行。", "{rows:row|rows}."),
    "data_export_large": (
        "此表有 {rows} 行：生成 CSV 可能需要几分钟并占用数 GB 内存。也可在服务器上用命令行导出："
        "`python -m pedatlas.importer --export {table} -o {table}.csv`",
        "This table has {rows:row|rows}: making the CSV can take minutes and several GB of memory. "
        "On the server the command line exports it too: "
        "`python -m pedatlas.importer --export {table} -o {table}.csv`",
    ),
    "data_export_button": ("下载 {table} CSV", "Download {table} CSV"),
    # templates and dictionary
    "data_templates_intro": (
        "每张表的导入模板：CSV 第一行为中文表头、第二行为英文列名（导入时自动跳过）；"
        "XLSX 另有一张字段说明表。各列的含义见“数据字典”分区。",
        "An import template per table: the CSV has the Chinese headers in row 1 and the English "
        "keys in row 2 (skipped on import); the XLSX adds a sheet describing the columns. The "
        "Data dictionary section explains every column.",
    ),
    "data_template_csv": ("模板 CSV", "Template CSV"),
    "data_template_xlsx": ("模板 XLSX", "Template XLSX"),
    "data_dictionary_download": (
        "下载数据字典（Markdown）",
        "Download the data dictionary (Markdown)",
    ),
    # column headers of the tables shown
    "data_col_table": ("表", "Table"),
    "data_col_mode": ("方式", "Mode"),
    "data_col_rows": ("行数", "Rows"),
    "data_col_added": ("新增", "Added"),
    "data_col_replaced": ("替换", "Replaced"),
    "data_col_removed": ("删除", "Removed"),
    "data_col_rejected": ("拒绝", "Rejected"),
    "data_col_file": ("文件", "File"),
    "data_col_read_as": ("读取方式（编码/工作表）", "Read as (encoding/sheet)"),
    "data_col_problems": ("问题数", "Problems"),
    "data_col_row": ("行", "Row"),
    "data_col_column": ("列", "Column"),
    "data_col_value": ("值", "Value"),
    "data_col_reason": ("原因", "Reason"),
    "data_col_severity": ("严重程度", "Severity"),
    "data_col_total": ("合计", "Total"),
    "data_col_synthetic_rows": ("合成行", "Synthetic rows"),
    "data_col_share": ("合成占比", "Synthetic share"),
    "data_col_hospital_id": ("医院编号", "Hospital id"),
    "data_col_name": ("名称", "Name"),
    "data_col_county_adcode": ("区县代码", "County code"),
    "data_col_lon": ("经度", "Longitude"),
    "data_col_lat": ("纬度", "Latitude"),
    "data_col_ped_physicians": ("儿科医师", "Pediatric physicians"),
    "data_col_ped_nurses": ("儿科护士", "Pediatric nurses"),
    "data_col_resource_years": ("资源年份数", "Resource years"),
    "data_col_adcode": ("代码", "Code"),
    "data_col_province_adcode": ("省代码", "Province code"),
    "data_col_pop_total": ("总人口", "Population"),
    "data_col_pop_0_14": ("0–14 岁人口", "Children 0–14"),
    "data_col_target": ("指向的表", "Points at"),
    "data_col_missing_id": ("不存在的编号", "Missing id"),
    "data_severity_error": ("错误", "error"),
    "data_severity_warning": ("提示", "note"),
    "data_table_regions": ("行政区", "regions"),
}
