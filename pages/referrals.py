"""双向转诊 Referrals: volumes and balance, flow map, care-level Sankey, where referrals stay, service areas."""

import streamlit as st

from pedatlas import data, scope, shell, ui, view
from pedatlas.referrals import panels

with ui.friendly_errors():
    year, region = view.value("year"), view.value("region")
    scope_kind = scope.scope_level(region, data.query("common/region_list"))
    head, link = st.columns([4, 1])
    head.title(view.t("referrals_title"))
    alliance, hospital = panels.focus_controls(region)
    head.caption(view.t("referrals_scope", scope=shell.scope_name(region), year=year))
    with link:
        ui.copy_link(panels.PAGE)
    filters = {"year": year, "scope": region, "alliance": alliance, "hospital": hospital}
    st.caption(view.t("referrals_home_rule"))
    panels.show_volumes(filters)
    st.divider()
    panels.show_flow_map(filters, region, scope_kind)
    st.divider()
    panels.show_levels(filters)
    st.divider()
    panels.show_service_areas(year, region, scope_kind)
