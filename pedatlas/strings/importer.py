"""Strings of the data importer: problem reasons, progress, summaries, templates, CLI."""

_FORMATS_DATE = "2024-03-05、2024/3/5、2024年3月5日 或 Excel 日期"
_FORMATS_DATE_EN = "2024-03-05, 2024/3/5, 2024年3月5日 or an Excel date"

STRINGS = {
    # tables and modes
    "importer_table_hospitals": ("医院", "hospitals"),
    "importer_table_hospital_resources": ("医院人员床位（按年）", "hospital_resources"),
    "importer_table_alliances": ("联盟", "alliances"),
    "importer_table_alliance_members": ("联盟成员", "alliance_members"),
    "importer_table_referrals": ("转诊", "referrals"),
    "importer_table_transfers": ("转运", "transfers"),
    "importer_table_outreach": ("下沉帮扶", "outreach"),
    "importer_table_targets": ("规划目标", "targets"),
    "importer_mode_replace": ("替换", "replace"),
    "importer_mode_append": ("追加", "append"),
    "importer_mode_upsert": ("按年份更新", "update for the year"),
    # problem reasons: {file} {row} {column} {value} {detail} {table}
    "importer_reason_empty_file": ("文件是空的，没有任何内容。", "The file is empty."),
    "importer_reason_header_only": (
        "文件只有表头，没有数据行。",
        "The file has a header row but no data rows.",
    ),
    "importer_reason_binary_file": (
        "这不是表格文件（CSV 或 XLSX），可能是图片、压缩包或已损坏的文件。",
        "This is not a spreadsheet (CSV or XLSX): it looks like binary data or a damaged file.",
    ),
    "importer_reason_unsupported_format": (
        "无法读取此文件格式（{detail}）。请另存为 .xlsx 或 CSV（UTF-8）后再导入。",
        "Cannot read this file format ({detail}). Save it as .xlsx or CSV (UTF-8) and "
        "import again.",
    ),
    "importer_reason_file_too_large": (
        "文件太大（{value} 字节，上限 {detail} 字节）。请拆分后分批导入。",
        "The file is too large ({value:byte|bytes}; the limit is {detail:byte|bytes}). Split it and "
        "import the parts.",
    ),
    "importer_reason_upload_too_large": (
        "本次导入的文件合计太大（到此文件为 {value} 字节，上限 {detail} 字节），此文件未读取。请分批导入。",
        "The files of this import are too large together ({value:byte|bytes} up to this file; "
        "the limit is {detail:byte|bytes}); this file was not read. Import them in batches.",
    ),
    "importer_reason_malformed_csv": (
        "第 {row} 行的列数与表头不一致（应有/实际：{detail}），可能多了逗号或引号未闭合。",
        "Row {row} has a different number of fields than the header (expected/found: {detail}); "
        "perhaps an extra comma or an unclosed quote.",
    ),
    "importer_reason_wrong_sheet": (
        "工作表“{value}”中没有可识别的{table}数据。请把数据放在第一个工作表，"
        "或按表名命名工作表（如 hospitals 或 医院）。工作簿中的工作表：{detail}。",
        "Sheet '{value}' holds no recognisable {table} data. Put the data on the first sheet or "
        "name the sheet after the table (e.g. hospitals). Sheets in the workbook: {detail}.",
    ),
    "importer_reason_unknown_table": (
        "无法根据表头判断要导入哪张表（表头：{value}）。请使用模板中的列名，或指定要导入的表。",
        "Cannot tell from the headers which table this is (headers: {value}). Use the column "
        "names of the template or choose the table.",
    ),
    "importer_reason_missing_column": (
        "缺少必填列“{column}”。",
        "The required column '{column}' is missing.",
    ),
    "importer_reason_duplicate_column": (
        "列“{column}”出现了两次（表头“{value}”）。",
        "The column '{column}' appears twice (header '{value}').",
    ),
    "importer_reason_unknown_column": (
        "未识别的列“{value}”，导入时将忽略。",
        "Unknown column '{value}': it will be ignored.",
    ),
    "importer_reason_bad_integer": (
        "“{column}”应为整数，填写的是“{value}”。",
        "'{column}' must be a whole number, not '{value}'.",
    ),
    "importer_reason_bad_number": (
        "“{column}”应为数字，填写的是“{value}”。",
        "'{column}' must be a number, not '{value}'.",
    ),
    "importer_reason_bad_boolean": (
        "“{column}”应为 是/否（或 true/false、1/0），填写的是“{value}”。",
        "'{column}' must be yes/no (or true/false, 1/0), not '{value}'.",
    ),
    "importer_reason_bad_date": (
        f"“{{column}}”不是有效日期：“{{value}}”。可用格式：{_FORMATS_DATE}。",
        f"'{{column}}' is not a valid date: '{{value}}'. Use {_FORMATS_DATE_EN}.",
    ),
    "importer_reason_bad_datetime": (
        "“{column}”不是有效的日期时间：“{value}”。可用格式：2024-03-05 14:30、"
        "2024/3/5 14:30、2024年3月5日 14:30 或 Excel 日期时间。",
        "'{column}' is not a valid date and time: '{value}'. Use 2024-03-05 14:30, "
        "2024/3/5 14:30, 2024年3月5日 14:30 or an Excel date-time.",
    ),
    "importer_reason_missing_value": (
        "“{column}”为必填项，不能为空。",
        "'{column}' is required and cannot be empty.",
    ),
    "importer_reason_bad_choice": (
        "“{column}”的值“{value}”不在允许范围内（可选：{detail}）。",
        "'{value}' is not an allowed value of '{column}' (allowed: {detail}).",
    ),
    "importer_reason_negative_count": (
        "“{column}”不能为负数（填写的是 {value}）。",
        "'{column}' cannot be negative (it is {value}).",
    ),
    "importer_reason_outside_china": (
        "“{column}”为 {value}，超出中国范围（经度 73–136，纬度 3–54）。",
        "'{column}' is {value}, outside China (longitude 73–136, latitude 3–54).",
    ),
    "importer_reason_bad_year": (
        "年份 {value} 不合理（应在 1949–2100 之间）。",
        "The year {value} is not plausible (it must be between 1949 and 2100).",
    ),
    "importer_reason_future_date": (
        "“{column}”是将来的时间：{value}。",
        "'{column}' is in the future: {value}.",
    ),
    "importer_reason_duplicate_id": (
        "“{value}”在导入文件中重复出现（第一次在第 {detail} 行）。",
        "'{value}' appears more than once in the import (first in row {detail}).",
    ),
    "importer_reason_duplicate_in_db": (
        "“{value}”已存在于数据库中；追加模式不会覆盖已有记录（如需更新请用替换模式）。",
        "'{value}' is already in the database; append does not overwrite rows (use replace to "
        "update them).",
    ),
    "importer_reason_unknown_adcode": (
        "区县代码“{value}”不是地区表中的区县。",
        "'{value}' is not the code of a county in the regions table.",
    ),
    "importer_reason_unknown_region": (
        "地区代码“{value}”不是地区表中的省或市。",
        "'{value}' is not the code of a province or city in the regions table.",
    ),
    "importer_reason_unknown_hospital": (
        "医院编号“{value}”不存在（数据库和本次导入中都没有）。",
        "There is no hospital '{value}' (neither in the database nor in this import).",
    ),
    "importer_reason_unknown_alliance": (
        "联盟编号“{value}”不存在（数据库和本次导入中都没有）。",
        "There is no alliance '{value}' (neither in the database nor in this import).",
    ),
    "importer_reason_would_orphan": (
        "替换后“{value}”将不复存在，但其他表仍引用它（{detail} 行）。请在文件中保留它，"
        "或先修改引用它的数据。",
        "After the replace '{value}' would no longer exist, yet other rows point at it "
        "({detail:row|rows}). Keep it in the file or change those rows first.",
    ),
    "importer_reason_outside_county": (
        "坐标（{value}）不在所填区县 {detail} 的范围内。",
        "The point ({value}) lies outside the stated county {detail}.",
    ),
    "importer_reason_distance_too_short": (
        "“{column}”为 {value} 公里，比两家医院间的直线距离 {detail} 公里还短。",
        "'{column}' is {value} km, shorter than the straight-line distance between the "
        "hospitals ({detail} km).",
    ),
    "importer_reason_direction_mismatch": (
        "转诊方向“{value}”与两家医院的级别不符，按级别应为“{detail}”。",
        "The direction '{value}' contradicts the hospitals' tiers, which give '{detail}'.",
    ),
    "importer_reason_arrived_before_dispatched": (
        "到达时间 {value} 早于出车时间。",
        "The arrival time {value} is before the dispatch time.",
    ),
    "importer_reason_left_before_joined": (
        "退出日期 {value} 早于加入日期。",
        "The leaving date {value} is before the joining date.",
    ),
    "importer_reason_not_a_file": (
        "“{file}”不是普通文件（{detail}），无法导入。",
        "'{file}' is not a regular file ({detail}); it cannot be imported.",
    ),
    "importer_reason_too_many_rows": (
        "文件的数据行太多（{value} 行，本次导入最多还能接收 {detail} 行）。请拆分后分批导入。",
        "The file has too many data rows ({value}; this import can take at most {detail} more). "
        "Split it and import the parts.",
    ),
    "importer_reason_too_many_columns": (
        "文件的列太多（{value} 列，上限 {detail} 列）。请只保留模板中的列。",
        "The file has too many columns ({value}, the limit is {detail}). Keep only the columns "
        "of the template.",
    ),
    "importer_reason_workbook_too_many_entries": (
        "工作簿内部包含的文件过多（{value} 个，上限 {detail} 个），可能已损坏或被恶意构造，未读取。",
        "The workbook holds too many internal files ({value}, the limit is {detail}); it may "
        "be damaged or crafted, and was not read.",
    ),
    "importer_reason_workbook_too_large": (
        "工作簿解压后过大（{value} 字节，上限 {detail} 字节），未读取。大表请另存为 CSV 后导入。",
        "The workbook inflates to too much data ({value:byte|bytes}, the limit is {detail}); it was "
        "not read. Save large tables as CSV and import that.",
    ),
    "importer_reason_workbook_compression": (
        "工作簿中的某个部分压缩比异常（{value} 倍，上限 {detail} 倍），可能是“压缩炸弹”，未读取。",
        "A part of the workbook is compressed {value:time|times} (the limit is {detail}): it may "
        "be a zip bomb and was not read.",
    ),
    "importer_reason_corrupt_workbook": (
        "工作簿已损坏或含有不允许的内容（{detail}），无法读取。请在 Excel 中打开并另存为 .xlsx 后再导入。",
        "The workbook is damaged or holds content that is not allowed ({detail}). Open it in "
        "Excel, save it as .xlsx and import again.",
    ),
    "importer_reason_sheet_hidden": (
        "隐藏的工作表“{value}”未导入。如需导入，请在 Excel 中取消隐藏。",
        "The hidden sheet '{value}' was not imported. Unhide it in Excel to import it.",
    ),
    "importer_reason_sheet_not_read": (
        "工作表“{value}”未导入：它的名称不是可导入的表名（如 hospitals 或 医院）。",
        "The sheet '{value}' was not imported: its name is not that of an importable table "
        "(e.g. hospitals).",
    ),
    "importer_reason_misgrouped_thousands": (
        "“{column}”的“{value}”中逗号位置不对：千位分隔符应每三位一个（如 1,234）；小数请用点号。",
        "'{value}' in '{column}' has misplaced commas: thousands separators group three digits "
        "(1,234); write decimals with a point.",
    ),
    "importer_reason_integer_out_of_range": (
        "“{column}”的值 {value} 超出可存储的整数范围（{detail}）。",
        "'{column}' is {value}, outside the range of whole numbers it can store ({detail}).",
    ),
    "importer_reason_text_too_long": (
        "“{column}”太长（{detail}），请缩短。",
        "'{column}' is too long ({detail}); shorten it.",
    ),
    "importer_reason_id_lookalike": (
        "编号“{value}”与已有编号“{detail}”只在大小写、全角/半角或不可见字符上不同，"
        "视为同一编号。请使用完全一致的写法。",
        "The id '{value}' differs from the existing id '{detail}' only in case, full-width "
        "forms or invisible characters: use exactly the same spelling.",
    ),
    "importer_reason_same_hospital": (
        "转出医院与接收医院相同（{value}）。",
        "The sending and receiving hospital are the same ({value}).",
    ),
    "importer_reason_implausible_distance": (
        "“{column}”为 {value} 公里，超出合理范围（0–{detail} 公里）。",
        "'{column}' is {value} km, outside the plausible range (0–{detail} km).",
    ),
    "importer_reason_duration_mismatch": (
        "用时 {value} 分钟与出车、到达时间之差（{detail} 分钟）不符。",
        "The duration of {value:minute|minutes} contradicts the dispatch and arrival times "
        "({detail:minute|minutes} apart).",
    ),
    "importer_reason_implausible_speed": (
        "平均速度不合理：{value}（允许 {detail}）。",
        "The average speed is not plausible: {value} (allowed: {detail}).",
    ),
    "importer_reason_example_row_skipped": (
        "第 {row} 行是模板中的示例行，未导入。",
        "Row {row} is the template's example row and was not imported.",
    ),
    # details named by a key (translated when the message is written)
    "importer_detail_directory": ("是一个文件夹", "a directory"),
    "importer_detail_named_pipe": ("是命名管道", "a named pipe"),
    "importer_detail_device": ("是设备文件", "a device"),
    "importer_detail_socket": ("是套接字", "a socket"),
    "importer_detail_special": ("不是普通文件", "not a regular file"),
    "importer_detail_symlink_loop": ("符号链接循环", "a symbolic link loop"),
    "importer_detail_not_found": (
        "文件不存在或链接指向不存在的文件",
        "missing, or a dangling link",
    ),
    "importer_detail_permission_denied": ("没有读取权限", "permission denied"),
    # summaries, results and errors
    "importer_summary_table": (
        "{table}（{mode}）：新增 {added} 行，替换 {replaced} 行，删除 {removed} 行",
        "{table} ({mode}): {added:row|rows} added, {replaced} replaced, {removed} removed",
    ),
    "importer_summary_problems": (
        "问题 {total} 个，其中错误 {errors} 个；被拒绝的行 {rejected} 行",
        "{total:problem|problems} ({errors:error|errors}); {rejected:row|rows} rejected",
    ),
    "importer_summary_capped": (
        "只列出前 {shown} 个问题（共 {total} 个）。",
        "Problems listed: the first {shown} of {total}.",
    ),
    "importer_applied": ("导入完成：写入 {rows} 行。", "Import done: {rows:row|rows} written."),
    "importer_undone": (
        "已撤销上一次导入，数据库已恢复。",
        "The last import was undone; the database is restored.",
    ),
    "importer_error_mode": (
        "导入方式“{mode}”无效，应为 replace 或 append。",
        "Invalid mode '{mode}': use replace or append.",
    ),
    "importer_error_table": (
        "不能导入表“{table}”。可导入的表：{tables}。",
        "Cannot import table '{table}'. Importable tables: {tables}.",
    ),
    "importer_error_no_database": ("找不到数据库文件：{path}", "Database file not found: {path}"),
    "importer_error_rejected": (
        "导入计划有 {errors} 个错误，未写入任何数据。",
        "The import plan has {errors:error|errors}; nothing was written.",
    ),
    "importer_error_changed": (
        "数据库在检查后发生了变化，重新检查发现 {errors} 个问题，未写入任何数据。请重新检查文件。",
        "The database changed after the check and {errors:problem|problems} appeared; nothing was "
        "written. Check the files again.",
    ),
    "importer_error_verify": (
        "写入后“{table}”的行数与预期不符，已放弃本次导入。",
        "After writing, '{table}' does not have the expected rows; the import was abandoned.",
    ),
    "importer_error_orphans": (
        "写入后 {table}.{column} 出现了 {rows} 行指向不存在的记录，已放弃本次导入。",
        "After writing, {rows:row|rows} of {table}.{column} pointed at missing rows; the import was "
        "abandoned.",
    ),
    "importer_error_nothing_to_undo": (
        "没有可撤销的导入。",
        "There is no import to undo.",
    ),
    "importer_error_busy": (
        "数据库正被其他程序写入（存在 {path}.wal），请稍后再试。",
        "Another program is writing the database ({path}.wal exists); try again later.",
    ),
    # progress
    "importer_progress_reading": ("读取 {file}", "Reading {file}"),
    "importer_progress_checking": ("检查数据", "Checking the data"),
    "importer_progress_summarising": ("汇总问题", "Summarising problems"),
    "importer_progress_planned": ("检查完成", "Check done"),
    "importer_progress_copying": ("复制数据库", "Copying the database"),
    "importer_progress_validating": ("在副本上重新检查", "Checking again on the copy"),
    "importer_progress_writing": (
        "写入 {table}：{rows}/{total} 行",
        "Writing {table}: {rows}/{total:row|rows}",
    ),
    "importer_progress_verifying": ("核对写入结果", "Verifying the result"),
    "importer_progress_swapping": ("替换数据库文件", "Swapping the database file in"),
    "importer_progress_done": ("完成", "Done"),
    # templates
    "importer_kind_text": ("文本", "text"),
    "importer_kind_integer": ("整数", "integer"),
    "importer_kind_number": ("数字", "number"),
    "importer_kind_boolean": ("是/否", "yes/no"),
    "importer_kind_date": ("日期", "date"),
    "importer_kind_datetime": ("日期时间", "date and time"),
    "importer_template_header": ("表头（中文）", "header (Chinese)"),
    "importer_template_key": ("英文列名", "key"),
    "importer_template_required": ("必填", "required"),
    "importer_template_kind": ("类型", "type"),
    "importer_template_allowed": ("可选值", "allowed values"),
    "importer_template_default": ("缺省值", "default"),
    "importer_template_yes": ("是", "yes"),
    "importer_template_no": ("否", "no"),
    "importer_template_computed": ("留空则自动计算", "computed when empty"),
    "importer_template_keys_sheet": ("字段说明", "keys"),
    # data quality
    "importer_dq_row_counts": ("各表各年行数", "Rows per table and year"),
    "importer_dq_synthetic_share": ("合成数据占比", "Share of synthetic rows"),
    "importer_dq_hospitals_without_coordinates": (
        "缺少有效坐标的医院",
        "Hospitals without valid coordinates",
    ),
    "importer_dq_hospitals_without_staff": (
        "缺少人员数据的医院",
        "Hospitals without staff figures",
    ),
    "importer_dq_counties_without_population": (
        "缺少人口数据的区县",
        "Counties without population",
    ),
    "importer_dq_orphans": ("指向不存在记录的行", "Rows pointing at missing rows"),
    # command line
    "importer_cli_file": (
        "{file}：{table}，{rows} 行（编码/工作表：{source}），"
        "新增 {added}，替换 {replaced}，拒绝 {rejected}",
        "{file}: {table}, {rows:row|rows} (encoding/sheet: {source}), {added} added, "
        "{replaced} replaced, {rejected} rejected",
    ),
    "importer_cli_problem": (
        "{file} 第 {row} 行 {column}：{message}",
        "{file} row {row} {column}: {message}",
    ),
    "importer_cli_dry_run": ("试运行：未写入数据库。", "Dry run: the database was not changed."),
    "importer_cli_backup": ("原数据库已备份为 {path}", "The previous database is kept as {path}"),
    "importer_cli_written": ("已写入 {path}", "Written {path}"),
    "importer_cli_failed": (
        "导入程序出错，数据库未被修改（{detail}）。",
        "The importer failed; the database was not changed ({detail}).",
    ),
}
