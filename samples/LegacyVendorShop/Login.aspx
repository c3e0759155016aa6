<%@ Page Language="C#" AutoEventWireup="true" CodeBehind="Login.aspx.cs" Inherits="LegacyVendorShop.Login" %>
<html><body><form runat="server">
  <asp:TextBox ID="UserName" runat="server" />
  <asp:TextBox ID="Password" runat="server" TextMode="Password" />
  <asp:CheckBox ID="RememberMe" runat="server" />
  <asp:Button ID="LoginButton" runat="server" Text="Log in" OnClick="LoginButton_Click" />
  <asp:Label ID="Message" runat="server" />
</form></body></html>
