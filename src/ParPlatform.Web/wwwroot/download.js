// Saves a file the server streams to the page (a report as .docx) under its name, as the browser saves a download.
window.parplatformDownload = async (fileName, stream) => {
    const url = URL.createObjectURL(new Blob([await stream.arrayBuffer()]));
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    link.click();
    URL.revokeObjectURL(url);
};
