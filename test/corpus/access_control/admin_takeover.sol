// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract AdminVault {
    address public admin;

    constructor() { admin = msg.sender; }

    function changeAdmin(address next) external {
        admin = next; // @vulnerable: access_control
    }

    function sweep() external {
        require(msg.sender == admin, "only admin");
        payable(admin).transfer(address(this).balance);
    }

    receive() external payable {}
}
