<%@ Page Language="C#" AutoEventWireup="true" CodeBehind="Search.aspx.cs" Inherits="LegacyVendorShop.Search" %>
<html><body><form runat="server">
  <asp:GridView ID="Results" runat="server" />
</form></body></html>
