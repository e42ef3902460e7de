// The Guidance screen: the articles (searchable), those matched by recent entries first, and
// "why am I seeing this" for every alert: the rule, what was logged, and the sources.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <map>

#include "core/vocabulary.hpp"
#include "core/words.hpp"
#include "ui/alerts.hpp"
#include "ui/app.hpp"
#include "ui/rich_text.hpp"
#include "ui/widgets.hpp"

namespace ui {

namespace {

constexpr int kMatchDays = 30;

struct Match {
    std::string articleId;
    std::string why;  // the rule titles that linked it
};

class GuidanceScreen final : public Screen {
public:
    void draw(App& app) override {
        if (auto req = app.takeGuidanceRequest()) {
            m_article = req->article;
            m_rule = req->rule;
            m_logged = req->logged;
            ImGui::SetScrollY(0);
        }
        refresh(app);
        if (!m_rule.empty()) drawRule(app);
        else if (!m_article.empty()) drawArticle(app);
        else drawList(app);
        drawDisclaimer(app);
    }

    bool back() override {
        if (m_rule.empty() && m_article.empty()) return false;
        m_rule.clear();
        m_article.clear();
        return true;
    }

private:
    // Articles linked by the rules that fired in the last month, most recent first.
    void refresh(App& app) {
        const uint64_t version = app.dataVersion();
        if (m_loaded && version == m_version) return;
        m_loaded = true;
        m_version = version;
        m_matches.clear();
        core::Journal* journal = app.journal();
        if (!journal) return;
        const core::CivilDate today = core::localFromUtc(journal->now()).date;
        auto alerts = journal->alerts(core::DateRange{core::addDays(today, -kMatchDays), std::nullopt});
        if (!alerts) return;
        std::map<std::string, std::string> why;
        std::vector<std::string> order;
        for (const core::Alert& a : *alerts)
            for (const auto& id : a.ruleIds)
                if (const core::Rule* r = core::findRule(id))
                    for (auto art : r->articles) {
                        const std::string key(art);
                        std::string& w = why[key];
                        if (w.empty()) order.push_back(key);
                        if (w.find(r->title) == std::string::npos) w += (w.empty() ? "" : "; ") + std::string(r->title);
                    }
        for (const auto& id : order) m_matches.push_back({id, why[id]});
        whereMatches(*journal, today);
    }

    // Articles for where behind the knee it hurt in the last month (the knee map), most marked first.
    void whereMatches(core::Journal& journal, core::CivilDate today) {
        m_whereMatches.clear();
        auto counts = journal.nameCounts(core::DateRange{core::addDays(today, -kMatchDays), std::nullopt});
        if (!counts) return;
        std::vector<std::string> regions;
        for (const auto& c : counts->where) regions.push_back(c.name);  // most first (SQL order)
        for (const auto& id : core::articlesForWhere(regions)) {
            std::string why;  // the places marked that point to this page
            for (const auto& c : counts->where) {
                const std::vector<std::string> linked = core::articlesForWhere({c.name});
                if (std::find(linked.begin(), linked.end(), id) != linked.end())
                    why += (why.empty() ? "" : ", ") + core::termLabel(core::whereTerms(), c.name);
            }
            m_whereMatches.push_back({id, why});
        }
    }

    const core::Article* find(const App& app, const std::string& id) const {
        for (const auto& a : app.articles())
            if (a.id == id) return &a;
        return nullptr;
    }

    bool card(const core::Article& a, const std::string& note, const char* notePrefix = "Matches your alert: ") {
        ImGui::PushID(a.id.c_str());
        const ImVec2 start = ImGui::GetCursorScreenPos();
        ImGui::BeginGroup();
        ImGui::PushFont(fonts().bold);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(a.title.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
        if (!note.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, palette().accent);
            ImGui::TextWrapped("%s%s", notePrefix, note.c_str());
            ImGui::PopStyleColor();
        }
        if (!a.summary.empty()) hint(a.summary.c_str());
        ImGui::EndGroup();
        const ImVec2 end(ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x, ImGui::GetItemRectMax().y);
        ImGui::SetCursorScreenPos(start);
        const bool clicked = ImGui::InvisibleButton("##open", ImVec2(end.x - start.x, end.y - start.y));
        recordItem("article:" + a.id);
        if (ImGui::IsItemHovered())
            ImGui::GetWindowDrawList()->AddRect(ImVec2(start.x - em(0.3f), start.y - em(0.2f)),
                                                ImVec2(end.x, end.y + em(0.2f)), ImGui::GetColorU32(palette().accent),
                                                em(0.3f));
        ImGui::Separator();
        ImGui::PopID();
        return clicked;
    }

    void drawList(App& app) {
        heading("Guidance");
        hint("Plain-language pages about pain behind the knee, and when to get help.");
        if (!app.articleError().empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, palette().danger);
            ImGui::TextWrapped("Some guidance could not be read: %s", app.articleError().c_str());
            ImGui::PopStyleColor();
        }
        ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, em(22.0f)));
        ImGui::InputTextWithHint("##search", "Search, e.g. swelling, cyst, ice", &m_query);
        recordItem("guidance:search");
        const bool searching = !m_query.empty();
        if (!searching && !m_matches.empty()) {
            ImGui::Spacing();
            ImGui::PushFont(fonts().bold);
            ImGui::TextUnformatted("Matched to what you logged recently");
            ImGui::PopFont();
            for (const auto& m : m_matches)
                if (const core::Article* a = find(app, m.articleId); a && card(*a, m.why)) m_article = a->id;
        }
        if (!searching && !m_whereMatches.empty()) {
            ImGui::Spacing();
            ImGui::PushFont(fonts().bold);
            ImGui::TextUnformatted("Matched to where it hurt this month");
            ImGui::PopFont();
            for (const auto& m : m_whereMatches)
                if (const core::Article* a = find(app, m.articleId); a && card(*a, m.why, "You marked: ")) m_article = a->id;
        }
        ImGui::Spacing();
        ImGui::PushFont(fonts().bold);
        ImGui::TextUnformatted(searching ? "Results" : "All topics");
        ImGui::PopFont();
        int shown = 0;
        for (const auto& a : app.articles()) {
            if (!core::matchesQuery(a, m_query)) continue;
            ++shown;
            if (card(a, {})) m_article = a.id;
        }
        if (shown == 0) hint("Nothing matches that search. Try a shorter word.");
    }

    void backLink() {
        if (ImGui::Button("\xE2\x86\x90 All topics", ImVec2(0, layout().minTouch))) {
            m_article.clear();
            m_rule.clear();
        }
        recordItem("guidance:back");
    }

    void sources(const std::vector<std::string>& list) {
        ImGui::Spacing();
        ImGui::PushFont(fonts().bold);
        ImGui::TextUnformatted("Sources");
        ImGui::PopFont();
        for (const auto& s : list) {
            ImGui::PushStyleColor(ImGuiCol_Text, palette().textMuted);
            ImGui::TextWrapped("\xE2\x80\xA2 %s", s.c_str());
            ImGui::PopStyleColor();
        }
    }

    void drawArticle(App& app) {
        backLink();
        const core::Article* a = find(app, m_article);
        if (!a) {
            hint("This page is not available.");
            return;
        }
        ImGui::PushTextWrapPos(0.0f);
        heading(a->title.c_str());
        ImGui::PopTextWrapPos();
        if (!a->summary.empty()) hint(a->summary.c_str());
        articleBody(*a);
        sources(a->sources);
        hint(("Reviewed " + a->reviewed + ".").c_str());
    }

    void drawRule(App& app) {
        backLink();
        const core::Rule* r = core::findRule(m_rule);
        if (!r) {
            m_rule.clear();
            return;
        }
        heading("Why am I seeing this?");
        ImGui::PushStyleColor(ImGuiCol_Text, levelColor(r->level));
        ImGui::PushFont(fonts().bold);
        ImGui::TextWrapped("%s \xC2\xB7 %.*s", levelWord(r->level), static_cast<int>(r->title.size()), r->title.data());
        ImGui::PopFont();
        ImGui::PopStyleColor();
        if (!m_logged.empty()) ImGui::TextWrapped("You logged: %s.", m_logged.c_str());
        ImGui::TextWrapped("KneeLog raises this when: %.*s", static_cast<int>(r->condition.size()), r->condition.data());
        ImGui::Spacing();
        ImGui::TextWrapped("%.*s", static_cast<int>(r->reason.size()), r->reason.data());
        ImGui::Spacing();
        ImGui::PushFont(fonts().bold);
        ImGui::TextWrapped("%s", core::actionText(r->level, app.journal()->region()).c_str());
        ImGui::PopFont();
        ImGui::Spacing();
        for (auto id : r->articles) {
            const std::string article(id);
            if (ImGui::Button(("Read: " + app.articleTitle(article)).c_str(), ImVec2(0, layout().minTouch))) {
                m_rule.clear();
                m_article = article;
            }
        }
        std::vector<std::string> list(r->sources.begin(), r->sources.end());
        sources(list);
        hint(("Rule " + std::string(r->id) + " of KneeLog's red-flag rules.").c_str());
    }

    void drawDisclaimer(App& app) {
        ImGui::Spacing();
        ImGui::Separator();
        hint(app.disclaimerText().c_str());
    }

    std::string m_query;
    std::string m_article;
    std::string m_rule;
    std::string m_logged;
    std::vector<Match> m_matches;
    std::vector<Match> m_whereMatches;  // from the knee map
    uint64_t m_version = 0;
    bool m_loaded = false;
};

}  // namespace

std::unique_ptr<Screen> makeGuidanceScreen() { return std::make_unique<GuidanceScreen>(); }

}  // namespace ui
