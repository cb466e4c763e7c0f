import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RespondentApp } from "./respondent-app";
import "../shared/page.css";

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <RespondentApp />
    </StrictMode>,
  );
}
