"""Strings of sign-in, roles, data scope, the audit log and the serving safeguards."""

STRINGS = {
    "auth_title": ("登录", "Sign in"),
    "auth_intro": (
        "本系统含医院级转诊与转运数据，请使用分配给您的账号登录。",
        "This system holds hospital-level referral and transport records: sign in with the "
        "account you were given.",
    ),
    "auth_name": ("用户名", "User name"),
    "auth_password": ("密码", "Password"),
    "auth_submit": ("登录", "Sign in"),
    "auth_failed": ("用户名或密码不正确。", "Wrong user name or password."),
    "auth_oidc_button": ("通过单位统一身份认证登录", "Sign in with your organisation's account"),
    "auth_or": ("或使用本地账号：", "or with a local account:"),
    "auth_signed_in_as": (
        "已登录：{name}（{role}，{scope}）",
        "Signed in: {name} ({role}, {scope})",
    ),
    "auth_sign_out": ("退出登录", "Sign out"),
    "auth_role_viewer": ("查看者", "viewer"),
    "auth_role_analyst": ("分析员", "analyst"),
    "auth_role_admin": ("管理员", "admin"),
    "auth_scope_national": ("全国", "all China"),
    "auth_scope_alliance": ("联盟 {name}", "alliance {name}"),
    "auth_needs_role": (
        "此操作需要“{role}”及以上角色；您的角色是“{current}”。如需权限请联系管理员。",
        "This needs the {role} role or higher; your role is {current}. Ask an administrator "
        "if you need it.",
    ),
    "auth_write_admin_only": (
        "导入与撤销会替换全部用户看到的数据，仅管理员可用；您可以查看下方的质量报告、模板与数据字典。",
        "Imports and undo replace the data everyone sees, so only administrators can use them; "
        "the quality report, templates and data dictionary below are open to you.",
    ),
    "auth_whole_database_only": (
        "此部分汇总整个数据库（全国），您的账号只能查看所分配的数据范围，因此不显示。",
        "This part covers the whole database (all China); your account sees only its assigned "
        "data scope, so it is not shown.",
    ),
    "auth_scope_notice": (
        "链接指向的范围（{asked}）不在您的数据范围内，已改为显示{shown}。",
        "The link pointed outside your data scope ({asked}); showing {shown} instead.",
    ),
    "auth_scope_caption": (
        "您的数据范围：{scope}。所有数字、地图、表格与下载仅含此范围内的数据。",
        "Your data scope: {scope}. Every figure, map, table and download covers this scope only.",
    ),
    "auth_claims_bad": (
        "身份提供方给出的角色或数据范围无效（{detail}），请联系管理员。",
        "The identity provider sent an invalid role or data scope ({detail}); contact an "
        "administrator.",
    ),
    "auth_exposed_title": (
        "未配置登录，拒绝对网络提供服务",
        "No sign-in configured: not serving to the network",
    ),
    "auth_exposed": (
        "此服务器可从本机以外访问（{how}），但尚未配置登录，任何人都可以替换数据。请先添加用户"
        "（`python -m pedatlas.users add 用户名 --role admin`）或配置 .streamlit/secrets.toml 的 [auth]，"
        "或只在本机运行（`bash scripts/run.sh`）。仅限单人可信电脑：设置 "
        "PEDATLAS_TRUSTED_SINGLE_USER_NO_SIGN_IN=1。",
        "This server can be reached from other machines ({how}) but no sign-in is configured, so "
        "anyone could replace the data. Add users (`python -m pedatlas.users add NAME --role "
        "admin`) or configure [auth] in .streamlit/secrets.toml, or serve on this machine only "
        "(`bash scripts/run.sh`). For a trusted single-user machine only: set "
        "PEDATLAS_TRUSTED_SINGLE_USER_NO_SIGN_IN=1.",
    ),
    "audit_title": ("审计日志", "Audit log"),
    "audit_intro": (
        "登录、退出、登录失败、导入、撤销与用户变更（何人、何时、何事、行数）。日志保存在 {path}，不随导入替换。",
        "Sign-ins, sign-outs, failed sign-ins, imports, undos and user changes (who, when, what, "
        "rows). Kept in {path}, apart from the database, so imports do not replace it.",
    ),
    "audit_download": ("下载审计日志 CSV", "Download the audit log (CSV)"),
    "audit_empty": ("审计日志中还没有记录。", "The audit log is empty."),
    "db_missing_title": ("找不到数据库文件", "The database file is missing"),
    "db_missing": (
        "数据库文件 {path} 不存在。请运行 `python -m pedatlas.build --out {path}` 生成演示数据库，"
        "或把 PEDATLAS_DB 指向已有的数据库文件。",
        "The database file {path} does not exist. Run `python -m pedatlas.build --out {path}` to "
        "build the demo database, or point PEDATLAS_DB at an existing database file.",
    ),
    "db_unreadable_title": ("无法读取数据库文件", "The database file cannot be read"),
    "db_unreadable": (
        "无法打开数据库文件 {path}（{detail}）。请检查文件权限，或从备份恢复（见 README 的“部署”一节），"
        "或运行 `python -m pedatlas.build --out {path}` 重新生成。",
        "The database file {path} cannot be opened ({detail}). Check its permissions, restore it "
        "from a backup (README, 'Deploying'), or rebuild it with `python -m pedatlas.build --out "
        "{path}`.",
    ),
}
