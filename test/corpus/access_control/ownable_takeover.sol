// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract OwnableVault {
    address public owner;

    constructor() { owner = msg.sender; }

    function changeOwner(address next) external {
        owner = next; // @vulnerable: access_control
    }

    function sweep() external {
        require(msg.sender == owner, "only owner");
        payable(owner).transfer(address(this).balance);
    }

    receive() external payable {}
}
